int first_neg(const int *a, int n)
{
    int i;
    for (i = 0; i < n; i++)
        if (a[i] < 0)
            break;
    return i;
}
