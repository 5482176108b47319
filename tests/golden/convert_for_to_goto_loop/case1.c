int sum(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (!a[i])
            continue;
        for (int j = 0; j < i; j++)
            if (a[j] == a[i])
                break;
        if (a[i] < 0)
            break;
        s += a[i];
    }
    return s;
}
