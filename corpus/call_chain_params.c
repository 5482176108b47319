/* Exercises: many small static functions calling each other with several
   parameters of mixed types, pass-through parameters, unused-looking
   parameters that still feed results, a reserved parameter that is never
   read, deep call chains. */
#include <stdio.h>

static long combine(long a, int b, short c, unsigned char d)
{
    return a * 3 + b - c + d;
}

static long layer3(int x, int y, long z, unsigned char tag)
{
    return combine(z, x + y, (short)(x - y), tag);
}

static long layer2(int x, int y, int scale, unsigned char tag)
{
    long z = (long)x * scale;
    return layer3(x, y, z, tag) + layer3(y, x, z / 2, (unsigned char)(tag + 1));
}

static long layer1(const int *v, int n, int scale, unsigned char tag, int bias)
{
    long acc = bias;
    for (int i = 0; i + 1 < n; i += 2)
        acc += layer2(v[i], v[i + 1], scale, (unsigned char)(tag + i));
    return acc;
}

static int pick(int a, int b, int c, int which)
{
    return which == 0 ? a : which == 1 ? b : c;
}

static int mix3(int a, int b, int c)
{
    return pick(a, b, c, a & 1) + pick(c, a, b, b % 3) - pick(b, c, a, 2);
}

static double weighted(double w1, int v1, double w2, int v2, double w3, int v3)
{
    return w1 * v1 + w2 * v2 + w3 * v3;
}

/* flags is reserved for later modes and not read yet */
static int clamp_score(int score, unsigned flags, int limit)
{
    return score > limit ? limit : score;
}

int main(void)
{
    int v[] = { 4, 9, -2, 6, 11, 3, 8 };
    long r1 = layer1(v, 7, 5, 'A', -10);
    int r2 = mix3(5, 7, 9) + mix3(2, 4, 6) + mix3(-3, 3, 12);
    double r3 = weighted(0.5, v[0], 0.25, v[1], 0.125, mix3(1, 2, 3));
    r2 = clamp_score(r2, 0u, 100) + clamp_score(r2 - 200, 1u, 50);
    printf("r1=%ld r2=%d r3=%.3f\n", r1, r2, r3);
    return r1 != 0 ? 0 : 1;
}
