/* Exercises: a rational-number struct passed and returned by value,
   normalisation with gcd, sign handling, harmonic sum, comparison by
   cross-multiplication in long long, const struct arrays. */
#include <stdio.h>

typedef struct { long num, den; } rational;

static long gcd(long a, long b)
{
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b) {
        long t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static rational make(long n, long d)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    long g = gcd(n, d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    return (rational){ n, d };
}

static rational r_add(rational a, rational b) { return make(a.num * b.den + b.num * a.den, a.den * b.den); }
static rational r_sub(rational a, rational b) { return r_add(a, make(-b.num, b.den)); }
static rational r_mul(rational a, rational b) { return make(a.num * b.num, a.den * b.den); }
static rational r_div(rational a, rational b) { return make(a.num * b.den, a.den * b.num); }
static int r_cmp(rational a, rational b)
{
    long long l = (long long)a.num * b.den, r = (long long)b.num * a.den;
    return (l > r) - (l < r);
}

int main(void)
{
    rational h = { 0, 1 };
    for (long k = 1; k <= 10; k++)
        h = r_add(h, make(1, k));
    static const rational fr[] = { { 1, 2 }, { -3, 4 }, { 5, -6 }, { 7, 8 } };
    rational acc = make(1, 1);
    for (int i = 0; i < 4; i++)
        acc = i % 2 ? r_div(acc, fr[i]) : r_mul(acc, fr[i]);
    rational d = r_sub(make(2, 3), make(3, 4));
    printf("H10=%ld/%ld acc=%ld/%ld d=%ld/%ld cmp=%d\n", h.num, h.den, acc.num, acc.den,
           d.num, d.den, r_cmp(h, make(29, 10)));
    return (h.num == 7381 && h.den == 2520 && d.num == -1 && d.den == 12) ? 0 : 1;
}
