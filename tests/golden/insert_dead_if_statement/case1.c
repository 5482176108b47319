int f(int x, int y)
{
    x += y * 3;
    return x;
}
