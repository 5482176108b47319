/* Exercises: long double and double arithmetic with suffixed literals
   (1.0L, 2.5e-1L, 3.0F), series summation (e, pi via Leibniz/Machin),
   conversions between float, double and long double, comparisons with
   tolerances, printf with %Lf. */
#include <stdio.h>

static long double series_e(int terms)
{
    long double sum = 1.0L, term = 1.0L;
    for (int k = 1; k < terms; k++) {
        term /= k;
        sum += term;
    }
    return sum;
}

static double atan_series(double x, int terms)
{
    double pw = x, sum = 0.0;
    for (int k = 0; k < terms; k++) {
        sum += (k & 1 ? -pw : pw) / (2 * k + 1);
        pw *= x * x;
    }
    return sum;
}

static long double labs_ld(long double v) { return v < 0.0L ? -v : v; }

int main(void)
{
    long double e = series_e(25);
    double pi = 4.0 * (4.0 * atan_series(0.2, 20) - atan_series(1.0 / 239, 10));
    float pf = (float)pi;
    long double widened = pf;
    long double quarter = 2.5e-1L, third = 1.0L / 3;
    long double prod = quarter * 4 + third * 3.0F;
    double back = (double)e;
    int idigits = (int)(e * 1000);
    printf("e=%.15Lf pi=%.12f pf=%.7f widened=%.10Lf prod=%.18Lf back=%.6f id=%d\n",
           e, pi, (double)pf, widened, prod, back, idigits);
    return (labs_ld(e - 2.718281828459045L) < 1e-12L && idigits == 2718 &&
            labs_ld(prod - 2.0L) < 1e-15L && pi > 3.14159 && pi < 3.1416) ? 0 : 1;
}
