static int sq(int x) { return x * x; }

int cube(int x)
{
    return sq(x) * x;
}
