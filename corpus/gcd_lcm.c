/* Exercises: recursive and iterative gcd, binary gcd with shifts, lcm with
   overflow-safe ordering, extended Euclid with output pointers, modular
   inverse, unsigned long long arithmetic. */
#include <stdio.h>

static unsigned long gcd_rec(unsigned long a, unsigned long b)
{
    return b == 0 ? a : gcd_rec(b, a % b);
}

static unsigned gcd_iter(unsigned a, unsigned b)
{
    while (b) {
        unsigned t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static unsigned long long gcd_bin(unsigned long long a, unsigned long long b)
{
    if (a == 0) return b;
    if (b == 0) return a;
    int shift = 0;
    while (((a | b) & 1u) == 0) {
        a >>= 1;
        b >>= 1;
        shift++;
    }
    while ((a & 1u) == 0) a >>= 1;
    do {
        while ((b & 1u) == 0) b >>= 1;
        if (a > b) {
            unsigned long long t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b != 0);
    return a << shift;
}

static long ext_gcd(long a, long b, long *x, long *y)
{
    if (b == 0) {
        *x = 1;
        *y = 0;
        return a;
    }
    long x1, y1;
    long g = ext_gcd(b, a % b, &x1, &y1);
    *x = y1;
    *y = x1 - (a / b) * y1;
    return g;
}

static unsigned long lcm(unsigned long a, unsigned long b)
{
    return a / gcd_rec(a, b) * b;
}

int main(void)
{
    unsigned long l = 1;
    for (unsigned long k = 1; k <= 20; k++)
        l = lcm(l, k);
    long x, y;
    long g = ext_gcd(240, 46, &x, &y);
    long inv = ((x % 46) + 46) % 46;
    unsigned g2 = gcd_iter(1071u, 462u);
    unsigned long long g3 = gcd_bin(48ULL << 20, 180ULL << 18);
    printf("lcm=%lu g=%ld x=%ld y=%ld inv=%ld g2=%u g3=%llu\n", l, g, x, y, inv, g2, g3);
    return (l == 232792560UL && g == 2 && 240 * x + 46 * y == 2 && g2 == 21) ? 0 : 1;
}
