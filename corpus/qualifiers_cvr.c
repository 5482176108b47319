/* Exercises: const, volatile and restrict qualifiers on objects, pointers and
   parameters; pointer-to-const vs const pointer; volatile loop counter;
   const arrays of const pointers. */
#include <stdio.h>

static volatile int ticks;
static const char *const labels[] = { "low", "mid", "high" };

static void scale(int n, int *restrict dst, const int *restrict src, const int k)
{
    for (int i = 0; i < n; i++)
        dst[i] = src[i] * k;
}

static int sum_volatile(const volatile int *p, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += p[i];
    return s;
}

static const char *level(int v)
{
    return labels[v < 10 ? 0 : v < 100 ? 1 : 2];
}

int main(void)
{
    const int src[5] = { 1, 5, 20, 33, 7 };
    int dst[5];
    int *const fixed = dst;          /* const pointer to mutable int */
    const int *movable = src;        /* pointer to const int */
    scale(5, fixed, movable, 4);
    volatile int vbuf[4] = { 3, 1, 4, 1 };
    for (volatile int i = 0; i < 4; i++)
        ticks += vbuf[i];
    int vs = sum_volatile(vbuf, 4);
    movable += 2;
    const volatile int cv = 12;
    int total = 0;
    for (int i = 0; i < 5; i++) {
        printf("%d:%s ", dst[i], level(dst[i]));
        total += dst[i];
    }
    printf("\nticks=%d vs=%d mv=%d cv=%d total=%d\n", ticks, vs, *movable, cv, total);
    return (ticks == 9 && total == 264) ? 0 : 1;
}
