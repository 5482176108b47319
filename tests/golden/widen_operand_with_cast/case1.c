int over(int a, int b, long limit)
{
    if (a * b > limit)
        return 1;
    return 0;
}
