int f(const int *p, int n)
{
    int c = 0;
    if (p)
        if (n > 0)
            c = p[0];
    return c;
}
