int scale(int x)
{
    int r;
    double f;
    f = x * 0.5;
    r = (int)f;
    return r;
}
