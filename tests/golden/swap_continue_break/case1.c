int sum_pos(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (a[i] < 0)
            continue;
        s += a[i];
    }
    return s;
}
