/* Exercises: variadic functions with a count argument, va_list passed to a
   helper (va_copy), default argument promotions (char/short -> int,
   float -> double), mixed types selected by a format string. */
#include <stdarg.h>
#include <stdio.h>

static long sum_ints(int count, ...)
{
    va_list ap;
    long total = 0;
    va_start(ap, count);
    for (int i = 0; i < count; i++)
        total += va_arg(ap, int);
    va_end(ap);
    return total;
}

static double vmean(int count, va_list ap)
{
    double s = 0.0;
    for (int i = 0; i < count; i++)
        s += va_arg(ap, double);
    return count ? s / count : 0.0;
}

static double mean_and_max(int count, double *max_out, ...)
{
    va_list ap, ap2;
    va_start(ap, max_out);
    va_copy(ap2, ap);
    double m = vmean(count, ap);
    double best = -1e300;
    for (int i = 0; i < count; i++) {
        double v = va_arg(ap2, double);
        if (v > best)
            best = v;
    }
    va_end(ap2);
    va_end(ap);
    *max_out = best;
    return m;
}

int main(void)
{
    char c = 'A';
    short s = -7;
    long a = sum_ints(4, 1, 2, (int)c, s);
    long b = sum_ints(0);
    double mx;
    float f = 1.25f;
    double m = mean_and_max(3, &mx, 2.0, f, 0.5e1);
    printf("a=%ld b=%ld mean=%.4f max=%.2f\n", a, b, m, mx);
    return (a == 61 && b == 0 && mx == 5.0) ? 0 : 1;
}
