/* Exercises: a mix of many constructs in one small program: bitfields in a
   struct inside a union, _Generic, _Static_assert, VLA, compound literals,
   designated initializers, variadic sum, function pointer table, goto,
   switch fallthrough, comma and ternary operators, casts, do-while,
   a volatile local. */
#include <stdarg.h>
#include <stdio.h>

typedef struct { unsigned lo : 4, hi : 4; } nibbles;
typedef union { nibbles n; unsigned char byte; } octet;
typedef int (*unary)(int);

_Static_assert(sizeof(octet) >= 1, "octet has storage");

#define DESCRIBE(x) _Generic((x), int: 'i', double: 'd', char *: 's', default: '?')

static int neg(int v) { return -v; }
static int twice(int v) { return v + v; }
static int sq(int v) { return v * v; }

static int vsum(int n, ...)
{
    va_list ap;
    int s = 0;
    va_start(ap, n);
    while (n-- > 0)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static int grade(int n, const int v[n])
{
    int score = 0, i = 0;
    do {
        switch (v[i] % 4) {
        case 0: score += 1; /* fallthrough */
        case 1: score += 2; break;
        case 2: score += 4; /* fallthrough */
        default: score += 8;
        }
    } while (++i < n);
    return score;
}

int main(void)
{
    octet o = { .n = { .lo = 0xA, .hi = 0x5 } };
    unary ops[] = { [2] = sq, [0] = neg, [1] = twice };
    int n = 5, v[n];
    for (int i = 0; i < n; i++)
        v[i] = ops[i % 3](i + 1) + 20;
    int g = grade(n, v);
    int s = vsum(4, v[0], v[1], (int)2.9, (o.n.hi > o.n.lo ? 1 : 0));
    int t = (g++, s += g, s % 17);
    const int *cl = (const int[]){ DESCRIBE(1), DESCRIBE(1.0), DESCRIBE((char *)"x") };
    volatile int guard = 3;
    int tag = cl[0] + cl[1] + cl[2] + guard - 3;
    if (tag != 'i' + 'd' + 's')
        goto bad;
    printf("g=%d s=%d t=%d tag=%d nib=%u%u\n", g, s, t, tag, (unsigned)o.n.hi, (unsigned)o.n.lo);
    return 0;
bad:
    return 1;
}
