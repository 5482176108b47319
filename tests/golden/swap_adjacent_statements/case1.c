int f(int a, int b)
{
    int x, y;
    x = a * 2;
    y = b + 1; /* keep me */
    return x - y;
}
