int f(int a)
{
    int big = 0x7fffffff;
    unsigned long w = 4294967296UL;
    return a + 14 - big + (int)w;
}
