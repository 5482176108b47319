int put(const char *s, long n);
int use(const char *a, int n)
{
    return put(a, n) + put(a, 1);
}
