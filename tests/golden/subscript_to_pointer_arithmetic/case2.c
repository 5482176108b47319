int f(int *p, int i)
{
    int m[2][3] = {{0}};
    *(p + i) = m[1][2];
    return *p;
}
