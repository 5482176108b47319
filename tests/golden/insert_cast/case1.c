int mix(int a, int b, int c)
{
    int r;
    r = a * b + c;
    return r;
}
