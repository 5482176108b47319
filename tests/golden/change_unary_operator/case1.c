int negate(int x)
{
    return -x;
}
