/* Exercises: naive recursive Fibonacci, memoised recursion with a static
   table, iterative version with a for loop, tail-recursive helper with
   accumulator parameters, unsigned long long results. */
#include <stdio.h>

static unsigned long long memo[94];
static int naive_calls;

static unsigned long naive(unsigned n)
{
    naive_calls++;
    return n < 2 ? n : naive(n - 1) + naive(n - 2);
}

static unsigned long long memoized(unsigned n)
{
    if (n < 2)
        return n;
    if (memo[n])
        return memo[n];
    return memo[n] = memoized(n - 1) + memoized(n - 2);
}

static unsigned long long iterative(unsigned n)
{
    unsigned long long a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        unsigned long long t = a + b;
        a = b;
        b = t;
    }
    return a;
}

static unsigned long long tail(unsigned n, unsigned long long a, unsigned long long b)
{
    return n == 0 ? a : tail(n - 1, b, a + b);
}

int main(void)
{
    unsigned long n20 = naive(20);
    unsigned long long m90 = memoized(90);
    unsigned long long i90 = iterative(90);
    unsigned long long t90 = tail(90, 0, 1);
    unsigned even = 0;
    for (unsigned k = 0; k < 40; k++)
        even += (iterative(k) & 1u) == 0;
    printf("n20=%lu calls=%d m90=%llu same=%d even=%u\n", n20, naive_calls, m90,
           m90 == i90 && i90 == t90, even);
    return (n20 == 6765 && m90 == 2880067194370816120ULL && even == 14) ? 0 : 1;
}
