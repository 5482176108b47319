double avg(const int *v, int n)
{
    long s = 0;
    for (int i = 0; i < n; i++)
        s += v[i % 8];
    return s / (double)n;
}
