int twice(int x)
{
    while (x < 100)
        x *= 2;
    return x;
}
