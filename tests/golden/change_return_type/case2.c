int add(int a, int b)
{
    return a + b;
}

int (*op)(int, int) = add;

long twice(long x)
{
    return x * 2;
}
