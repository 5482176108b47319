int mix(int a, int b)
{
    int r = (a + b) * 2;
    if (r > 10)
        r -= a;
    return r;
}
