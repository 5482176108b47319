/* Exercises: _Generic selection over many arithmetic types, _Generic in a
   function-like macro choosing a function, default association, pointers. */
#include <stdio.h>

static int abs_i(int v) { return v < 0 ? -v : v; }
static long abs_l(long v) { return v < 0 ? -v : v; }
static double abs_d(double v) { return v < 0 ? -v : v; }
static float abs_f(float v) { return v < 0 ? -v : v; }

#define ABS(x) _Generic((x), int: abs_i, long: abs_l, float: abs_f, default: abs_d)(x)
#define KIND(x) _Generic((x), \
    char: 1, signed char: 2, unsigned char: 3, short: 4, unsigned short: 5, \
    int: 6, unsigned: 7, long: 8, unsigned long: 9, long long: 10, \
    unsigned long long: 11, float: 12, double: 13, long double: 14, \
    char *: 15, const char *: 16, default: 0)

int main(void)
{
    char c = 'c';
    unsigned short us = 9;
    const char *cs = "k";
    int k = KIND(c) + KIND((signed char)1) + KIND((unsigned char)1) +
            KIND((short)1) + KIND(us) + KIND(1) + KIND(1u) + KIND(1L) +
            KIND(1UL) + KIND(1LL) + KIND(1ULL) + KIND(1.0f) + KIND(1.0) +
            KIND(1.0L) + KIND(cs) + KIND(&k);
    int promo = KIND(c + c) + KIND(us * 2);
    double d = ABS(-2.5) + ABS(-3) + (double)ABS(-4L) + (double)ABS(-0.5f);
    printf("k=%d promo=%d d=%.2f\n", k, promo, d);
    return (k == 121 && promo == 12 && d == 10.0) ? 0 : 1;
}
