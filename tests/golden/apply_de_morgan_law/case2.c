int g(int x, int *p)
{
    int r = !x || !p;
    return r;
}
