/* Exercises: file-scope compound literals (static storage), pointers to
   compound-literal arrays in tables, compound literals in loops creating a
   fresh object per iteration, compound literal of a union, casts to
   const array types. */
#include <stdio.h>

struct route { const char *name; const int *stops; int nstops; };
union num { int i; float f; };

static const int *const primes = (const int[]){ 2, 3, 5, 7, 11, 13 };
static struct route routes[] = {
    { "red", (const int[]){ 1, 4, 9 }, 3 },
    { "blue", (const int[]){ 2, 4, 6, 8, 10 }, 5 },
    { "green", (const int[]){ 7 }, 1 },
};

static int route_len(const struct route *r)
{
    int len = 0;
    for (int i = 1; i < r->nstops; i++)
        len += r->stops[i] - r->stops[i - 1];
    return len;
}

static int dot(const int *a, const int *b, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

int main(void)
{
    int total = 0;
    for (unsigned i = 0; i < sizeof routes / sizeof routes[0]; i++)
        total += route_len(&routes[i]);
    int acc = 0;
    for (int k = 0; k < 4; k++) {
        int *tmp = (int[3]){ k, k * k, k * k * k };
        tmp[0] += 1;
        acc += dot(tmp, (const int[]){ 1, 1, 1 }, 3);
    }
    union num u = (union num){ .f = 0.0f };
    u = (union num){ .i = 42 };
    int p = dot(primes, (int[6]){ [5] = 1, [0] = 1 }, 6);
    printf("total=%d acc=%d u=%d p=%d\n", total, acc, u.i, p);
    return (total == 16 && acc == 1 + 4 + 15 + 40 && u.i == 42 && p == 15) ? 0 : 1;
}
