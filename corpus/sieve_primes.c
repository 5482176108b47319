/* Exercises: sieve of Eratosthenes on a bool array and on a packed bit
   array (unsigned char with shifts), prime counting, twin primes, trial
   division check, nested loops with continue. */
#include <stdbool.h>
#include <stdio.h>

#define LIMIT 2000

static bool composite[LIMIT + 1];
static unsigned char bits[(LIMIT + 8) / 8];

static void sieve_bool(void)
{
    composite[0] = composite[1] = true;
    for (int i = 2; i * i <= LIMIT; i++) {
        if (composite[i])
            continue;
        for (int j = i * i; j <= LIMIT; j += i)
            composite[j] = true;
    }
}

static void set_bit(unsigned i) { bits[i >> 3] |= (unsigned char)(1u << (i & 7u)); }
static int get_bit(unsigned i) { return (bits[i >> 3] >> (i & 7u)) & 1; }

static void sieve_bits(void)
{
    set_bit(0);
    set_bit(1);
    for (unsigned i = 2; i * i <= LIMIT; i++)
        if (!get_bit(i))
            for (unsigned j = i * i; j <= LIMIT; j += i)
                set_bit(j);
}

static int is_prime_trial(int n)
{
    if (n < 2) return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

int main(void)
{
    sieve_bool();
    sieve_bits();
    int count = 0, twins = 0, agree = 1, last = 0;
    for (int i = 0; i <= LIMIT; i++) {
        int p = !composite[i];
        agree &= p == !get_bit((unsigned)i);
        if (i % 97 == 0)
            agree &= p == is_prime_trial(i);
        if (!p)
            continue;
        count++;
        if (last && i - last == 2)
            twins++;
        last = i;
    }
    printf("count=%d twins=%d last=%d agree=%d\n", count, twins, last, agree);
    return (count == 303 && last == 1999 && agree) ? 0 : 1;
}
