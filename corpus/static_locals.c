/* Exercises: block-scope static variables keeping state across calls,
   file-scope static variables, static arrays initialised once, a
   memoising function, an id generator. */
#include <stdio.h>

static int total_calls;

static int next_id(void)
{
    static int id = 100;
    total_calls++;
    return id++;
}

static unsigned long long tri(int n)
{
    static unsigned long long memo[64];
    static int filled = 1;          /* memo[0] == 0 already */
    total_calls++;
    if (n < filled)
        return memo[n];
    for (int i = filled; i <= n; i++)
        memo[i] = memo[i - 1] + (unsigned long long)i;
    filled = n + 1;
    return memo[n];
}

static const char *cycle(void)
{
    static const char *const words[] = { "red", "green", "blue" };
    static unsigned pos;
    return words[pos++ % 3];
}

int main(void)
{
    int ids = 0;
    for (int i = 0; i < 5; i++)
        ids += next_id();
    unsigned long long t = tri(10) + tri(5) + tri(63);
    const char *last = 0;
    for (int i = 0; i < 7; i++)
        last = cycle();
    {
        static int block_static = 5;
        block_static *= 2;
        ids += block_static;
    }
    printf("ids=%d t=%llu last=%s calls=%d\n", ids, t, last, total_calls);
    return (ids == 510 + 10 && t == 55 + 15 + 2016 && total_calls == 8) ? 0 : 1;
}
