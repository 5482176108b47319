int g(int *p, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < 0)
            continue;
        s += p[i];
    }
    s *= 2;
    return s;
}
