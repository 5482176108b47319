int g(const int *p, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < 0)
            break;
        s += p[i];
    }
    return s;
}
