static int inc(int x)
{
    return x + 1;
}

static int neg(int x)
{
    return -x;
}

int (*hook)(int) = neg;

int main(void)
{
    return inc(1) + hook(2);
}
