int total(const int *a, int i, int base, int scale)
{
    int t;
    t = base + a[i] * scale;
    return t;
}
