int abs_diff(int a, int b)
{
    int d;
    if (a > b)
        d = a - b;
    else
        d = b - a;
    return d;
}
