/* Exercises: static inline helper functions, static functions calling each
   other, file-scope static variables, an extern inline-free design (each
   inline is static so C99 inline linkage rules are not an issue). */
#include <stdio.h>

static unsigned call_count;

static inline int min_i(int a, int b) { call_count++; return a < b ? a : b; }
static inline int max_i(int a, int b) { call_count++; return a > b ? a : b; }
static inline int clamp_i(int v, int lo, int hi) { return min_i(max_i(v, lo), hi); }

static inline unsigned rotl8(unsigned char v, unsigned r)
{
    r &= 7u;
    return r ? (unsigned char)((v << r) | (v >> (8u - r))) : v;
}

static int saturating_sum(const int *v, int n, int lo, int hi)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s = clamp_i(s + v[i], lo, hi);
    return s;
}

/* seed: kept for callers of an older version, no longer read */
static unsigned scramble(const unsigned char *s, int n, unsigned seed)
{
    unsigned acc = 0;
    for (int i = 0; i < n; i++)
        acc = acc * 17u + rotl8(s[i], (unsigned)i);
    return acc;
}

int main(void)
{
    int v[] = { 50, 60, -200, 30, 90, 90, -5 };
    int s = saturating_sum(v, 7, -100, 150);
    unsigned char bytes[] = { 0x81, 0x42, 0x24, 0x18, 0xff };
    unsigned sc = scramble(bytes, 5, 7u);
    printf("s=%d sc=%u calls=%u\n", s, sc, call_count);
    return (s == 115 && call_count == 14) ? 0 : 1;
}
