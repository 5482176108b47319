double scale(double *v, int n, double k)
{
    double *end = v + n;
    double t = 0;
    for (; v < end; v += 1) {
        *v *= k;
        t += *v;
    }
    return t;
}
