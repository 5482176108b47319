int find(const int *v, int n, int key)
{
    int i;
    for (i = 0; i < n; i++)
        if (v[i] == key)
            goto found;
    return -1;
found:
    return i;
}
