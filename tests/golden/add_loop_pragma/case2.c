int sum(const int *a, int n)
{
    int s = 0, i = 0;
    for (i = 0; i < n; i++)
        s += a[i];
    while (s > 100)
        s /= 2;
#pragma nounroll
    for (i = 0; i < 3; i++)
        s++;
    { do s--; while (s > 50); }
    return s;
}
