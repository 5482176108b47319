int skip_odd(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (a[i] & 1)
            continue;
        s += a[i];
    }
    return s;
}
