int f(int x, const char *buf)
{
    int n = x * 2 + 1;
    const int k = 3;
    const char *p = buf;
    for (int i = 0; i < k; i++)
        n += p[i];
    return n;
}
