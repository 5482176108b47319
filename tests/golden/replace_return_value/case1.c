static int area(int w, int h)
{
    return w * h;
}

static double ratio(double a, double b)
{
    if (b == 0.0)
        return 0.0;
    return a / b;
}
