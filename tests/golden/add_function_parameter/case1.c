static int sq(int x)
{
    return x * x;
}

int sum_sq(int a, int b)
{
    return sq(a) + sq(b);
}
