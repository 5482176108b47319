int f(int x);
int g(double d, int *p)
{
    (void)f((int)d);
    return (int)d % 3 + (int)(long)p;
}
