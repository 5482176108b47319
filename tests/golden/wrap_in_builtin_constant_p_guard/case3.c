int next(int);
static int lut[8];
int mix(int a, int b, volatile int *v)
{
    int t = a * 3 + b;
    switch (t & 7) {
    case 1:
        return lut[a & 7] + next(b);
    }
    t += *v;
    return t - (b << 2);
}
