static int sq(int x)
{
    return x * x;
}

int quad(int x)
{
    return sq(sq(x));
}
