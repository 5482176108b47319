/* Exercises: float/double/long double literals with exponents, suffixes and
   hex floats (1.5f, 2e-3, 0x1p4, .5, 3., 1e+2L), implicit conversions and
   explicit casts between floating types, Newton iteration. */
#include <stdio.h>

static double newton_sqrt(double x)
{
    double g = x > 1.0 ? x / 2.0 : 1.0;
    for (int i = 0; i < 40; i++)
        g = 0.5 * (g + x / g);
    return g;
}

static float lerp(float a, float b, float t)
{
    return a + (b - a) * t;
}

int main(void)
{
    float f1 = 1.5f, f2 = .25F, f3 = 3.f;
    double d1 = 2e-3, d2 = 6.02e+23, d3 = 0x1p4, d4 = 0x1.8p-1, d5 = 1E2;
    long double ld = 1e+2L + 0x1p-2L + 2.5l;
    double hexsum = d3 + d4 + 0xAp0;
    float mid = lerp(f1, f3, f2);
    double r = newton_sqrt(2.0);
    double ratio = d2 / 1e23;
    int trunc = (int)(d5 * 1.999);
    long double big = (long double)d1 * ld;
    printf("hex=%.4f mid=%.5f sqrt2=%.10f ratio=%.2f trunc=%d ld=%.3Lf big=%.6Lf\n",
           hexsum, (double)mid, r, ratio, trunc, ld, big);
    return (hexsum == 26.75 && trunc == 199 && mid == 1.875f) ? 0 : 1;
}
