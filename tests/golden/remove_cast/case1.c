double ratio(int a, int b)
{
    return (double)a / b;
}
