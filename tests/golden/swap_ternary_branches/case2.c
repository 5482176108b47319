const char *sign(int x, const char *neg)
{
    int z = x ? x : 1;
    return z < 0 ? neg : 0;
}
