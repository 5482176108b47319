static int sq(int x);

int twice(int x)
{
    return sq(x) * 2;
}

static int sq(int x)
{
    return x * x;
}
