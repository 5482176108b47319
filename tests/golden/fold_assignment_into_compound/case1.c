int sum(const int *v, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s = s + v[i] * 2;
    return s;
}
