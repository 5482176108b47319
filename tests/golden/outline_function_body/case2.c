static void count_down(unsigned n, int (*out)(int))
{
    if (n == 0)
        return;
    out((int)n);
    count_down(n - 1, out);
}

int main(void)
{
    return 0;
}
