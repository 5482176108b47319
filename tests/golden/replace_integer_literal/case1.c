int count(const int *a)
{
    int n = 0;
    for (int i = 0; i < 10; i++)
        n += a[i] > 0;
    return n;
}
