/* Exercises: do-while loops (digit extraction, convergence loops, menu-style
   loops), do-while with continue and break, digit sums and reversal. */
#include <stdio.h>

static unsigned digit_sum(unsigned long v)
{
    unsigned s = 0;
    do {
        s += (unsigned)(v % 10);
        v /= 10;
    } while (v);
    return s;
}

static unsigned long reverse_digits(unsigned long v)
{
    unsigned long r = 0;
    do
        r = r * 10 + v % 10;
    while ((v /= 10) != 0);
    return r;
}

static int collatz_steps(unsigned long n)
{
    int steps = 0;
    do {
        if (n == 1)
            break;
        n = (n & 1) ? 3 * n + 1 : n / 2;
        steps++;
    } while (steps < 1000);
    return steps;
}

static int digital_root_iters(unsigned long v)
{
    int iters = 0;
    do {
        v = digit_sum(v);
        iters++;
        if (v >= 10)
            continue;
    } while (v >= 10);
    return iters * 10 + (int)v;
}

int main(void)
{
    unsigned long r = reverse_digits(1234509UL);
    int c = collatz_steps(27);
    int dr = digital_root_iters(987654321UL);
    unsigned ds = digit_sum(0);
    int i = 0, odd = 0;
    do {
        if (i % 2 == 0)
            continue;
        odd += i;
    } while (++i < 10);
    printf("r=%lu c=%d dr=%d ds=%u odd=%d\n", r, c, dr, ds, odd);
    return (r == 9054321UL && c == 111 && odd == 25) ? 0 : 1;
}
