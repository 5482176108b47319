static void touch(int *p, long ignored)
{
    *p = 1;
}

static void reset(int flag)
{
}

int main(void)
{
    int x = 0;
    touch(&x, 7L);
    reset(x);
    touch(&x, x++);
    return x;
}
