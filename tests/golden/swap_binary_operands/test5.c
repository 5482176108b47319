int sum3(int x)
{
    return x + x + x;
}
