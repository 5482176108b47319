int f(int x)
{
    int y;
    if (x)
        y = 1;
    else
        y = 2;
    return y;
}
