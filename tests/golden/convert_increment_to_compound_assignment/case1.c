int count(const char *p, int n)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        if (p[i] == 'x')
            c++;
    return c;
}
