static int pick(int a, int unused, int b);

int use(int x)
{
    return pick(x, 3, x + 1) + pick(2, x * 2, 4);
}

static int pick(int a, int unused, int b)
{
    return a - b;
}
