struct P { int x, y; };

int f(int a, char *s)
{
    int n = a * 2;
    int m = 1;
    m += n;
    return m + s[0];
}
