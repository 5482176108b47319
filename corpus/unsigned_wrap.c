/* Exercises: well-defined unsigned wrap-around in add, sub, mul and negation,
   counters that wrap, uint8_t/uint16_t arithmetic after promotion, modular
   exponentiation, xorshift PRNG. */
#include <stdio.h>
#include <stdint.h>

static uint32_t xorshift32(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static uint64_t modpow(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1 % m;
    b %= m;
    while (e) {
        if (e & 1u)
            r = r * b % m;
        b = b * b % m;
        e >>= 1;
    }
    return r;
}

int main(void)
{
    uint8_t c8 = 250;
    for (int i = 0; i < 10; i++)
        c8++;
    uint16_t c16 = 3;
    c16 -= 5;
    uint32_t neg = -(uint32_t)7;
    uint32_t prod = 0xFFFFFFFFu * 0xFFFFFFFFu;
    unsigned long long big = 0ULL - 1ULL;
    uint32_t state = 2463534242u, acc = 0;
    for (int i = 0; i < 100; i++)
        acc += xorshift32(&state) >> 24;
    uint64_t mp = modpow(2, 1000000, 1000000007u);
    unsigned countdown = 3, wraps = 0;
    for (int i = 0; i < 6; i++)
        if (countdown-- == 0)
            wraps++;
    printf("c8=%u c16=%u neg=%u prod=%u big=%llu acc=%u mp=%llu wraps=%u cd=%u\n",
           (unsigned)c8, (unsigned)c16, neg, prod, big, acc, (unsigned long long)mp,
           wraps, countdown);
    return (c8 == 4 && c16 == 65534 && prod == 1u && wraps == 1) ? 0 : 1;
}
