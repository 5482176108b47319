int put(const char *s, long n, const char *t);
void log2(const char *a, int n, short m)
{
    put(a, n, "end");
    put(a, m, a);
}
