static int half(int x)
{
    return x / 2;
}

static inline int twice(int x)
{
    return x * 2;
}

int f(int v)
{
    return half(v) + twice(v);
}
