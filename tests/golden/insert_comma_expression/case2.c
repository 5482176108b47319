static int g = 4;
int f(int *p, int x)
{
    int a[3];
    a[2] = x;
    p = 0;
    switch (x) {
    case 1:
        return a[g & 1];
    }
    return *p;
}
