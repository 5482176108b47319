static int inc(int x)
{
    return x + 1;
}

int (*hook)(int) = inc;

int main(void)
{
    return hook(1);
}
