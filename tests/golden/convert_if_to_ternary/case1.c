double pick(int a, double b, int c)
{
    double m;
    if (a > c)
        m = a;
    else
        m = b;
    return m;
}
