struct pt { double x, y; };
double norm1(const struct pt *p, int n)
{
    double s = 0, m = n > 0 && p->x > 0 ? p->x : -p->x;
    if (s + m > 1.0)
        return m;
    return s;
}
