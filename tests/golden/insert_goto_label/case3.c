int half(int n)
{
    int h = n / 2;
    return h;
}
