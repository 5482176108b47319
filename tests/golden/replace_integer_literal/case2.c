enum { SMALL = 1, BIG = 100 };
static int table[4] = {3, 5u};
int classify(int x, int *p)
{
    switch (x) {
    case 0:
        return SMALL;
    case 7:
        return BIG;
    }
    if (p == 0)
        return table[1];
    return x << 2;
}
