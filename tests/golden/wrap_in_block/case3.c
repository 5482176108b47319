int norm(int x)
{
    int y = x;
    if (y < 0)
        y = -y;
    y %= 360;
    return y;
}
