int total(const int *v, int n)
{
    int t = 0, i;
    for (i = 0; i < n; i++)
        t += v[i];
    t *= 2;
    return t;
}
