int sum(const int *v, int n)
{
    int total = 0;
    const int step = 1;
    for (int i = 0; i < n; i += step)
        total += v[i];
    return total;
}
