/* Exercises: Q16.16 fixed-point arithmetic with typedef chains, static
   inline helpers, casts between int32_t/int64_t/double, _Static_assert on
   sizes, multiplication via a widened intermediate, rounding. */
#include <stdio.h>
#include <stdint.h>

typedef int32_t raw_t;
typedef raw_t fixed;
typedef fixed angle_t;

#define FRAC_BITS 16
#define ONE ((fixed)1 << FRAC_BITS)

_Static_assert(sizeof(fixed) * 8 == 32, "Q16.16 needs 32 bits");
_Static_assert(FRAC_BITS < 31, "fraction bits");

static inline fixed from_int(int v) { return (fixed)(v * ONE); }
static inline fixed from_double(double d) { return (fixed)(d * ONE + (d >= 0 ? 0.5 : -0.5)); }
static inline double to_double(fixed f) { return (double)f / ONE; }
static inline fixed fx_mul(fixed a, fixed b) { return (fixed)(((int64_t)a * b) / ONE); }
static inline fixed fx_div(fixed a, fixed b) { return (fixed)(((int64_t)a * ONE) / b); }

static fixed fx_sqrt(fixed x)
{
    if (x <= 0)
        return 0;
    fixed g = x > ONE ? x / 2 : ONE;
    for (int i = 0; i < 20; i++)
        g = (g + fx_div(x, g)) / 2;
    return g;
}

/* sin by Taylor series, angle in radians as fixed-point, |a| <= pi */
static fixed fx_sin(angle_t a)
{
    fixed term = a, sum = a, a2 = fx_mul(a, a);
    for (int n = 1; n < 6; n++) {
        term = -fx_div(fx_mul(term, a2), from_int((2 * n) * (2 * n + 1)));
        sum += term;
    }
    return sum;
}

int main(void)
{
    fixed a = from_double(3.25), b = from_double(-1.5);
    fixed p = fx_mul(a, b), q = fx_div(a, b);
    fixed r = fx_sqrt(from_int(2));
    fixed s = fx_sin(from_double(3.14159265 / 6));
    printf("p=%.4f q=%.4f sqrt2=%.4f sin30=%.4f raw=%d\n", to_double(p), to_double(q),
           to_double(r), to_double(s), (int)p);
    double err = to_double(s) - 0.5;
    return (p == from_double(-4.875) && err < 0.001 && err > -0.001) ? 0 : 1;
}
