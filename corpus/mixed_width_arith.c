/* Exercises: arithmetic mixing char, short, int, long, long long and their
   unsigned variants; integer promotions; usual arithmetic conversions;
   comparisons between signed and unsigned made explicit with casts. */
#include <stdio.h>
#include <stdint.h>

static int64_t weighted_sum(int8_t a, uint8_t b, int16_t c, uint16_t d, int32_t e, uint32_t f)
{
    return (int64_t)a * 3 + b * 5 + (int64_t)c * 7 + (int64_t)d * 11 + (int64_t)e + (int64_t)f;
}

int main(void)
{
    signed char sc = -100;
    unsigned char uc = 200;
    short s = -30000;
    unsigned short us = 60000;
    int i = -2000000000;
    unsigned u = 3000000000u;
    long l = 1L << 20;
    unsigned long long ull = 1ULL << 40;

    int promoted = sc + uc;                  /* both promote to int: 100 */
    long long wide = (long long)i * 4;       /* no overflow in 64 bits */
    unsigned mix = u + (unsigned)us;         /* unsigned arithmetic */
    long long diff = (long long)u - i;       /* 5e9 */
    int cmp_signed = (long long)i < (long long)u;
    int cmp_unsigned = (unsigned)-1 > 1u;
    unsigned short wrap = (unsigned short)(us + us);   /* 120000 mod 65536 */
    int shifted = (int)((unsigned)uc << 20);
    long long prod = (long long)s * us;
    uint64_t scaled = ull / (unsigned long long)l * 3u;
    int64_t ws = weighted_sum(sc, uc, s, us, i, u);
    int division = -7 / 2 + -7 % 2 * 10;     /* truncation toward zero */
    printf("promoted=%d wide=%lld mix=%u diff=%lld cmp=%d%d wrap=%u sh=%d prod=%lld scaled=%llu ws=%lld div=%d\n",
           promoted, wide, mix, diff, cmp_signed, cmp_unsigned, (unsigned)wrap, shifted, prod,
           (unsigned long long)scaled, (long long)ws, division);
    return (promoted == 100 && wrap == 54464 && diff == 5000000000LL && division == -13) ? 0 : 1;
}
