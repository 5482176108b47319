/*
 * prng.c - the context's own PRNG (xoshiro256**, seeded through splitmix64),
 * site picking (ms_pick honours --site and site counting) and the FNV-1a hash
 * used to compare mutants. No mutator touches rand()/time().
 */
#include "internal.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void ms_rng_seed(uint64_t s[4], uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t ms_rng_next(uint64_t s[4])
{
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

unsigned ms_rand(ms_ctx *ctx, unsigned bound)
{
    if (bound == 0)
        return 0;
    return (unsigned)(ms_rng_next(ctx->rng) % bound);
}

int ms_chance(ms_ctx *ctx, unsigned num, unsigned den)
{
    if (den == 0)
        return 0;
    return ms_rand(ctx, den) < num;
}

int ms_pick(ms_ctx *ctx, int nsites)
{
    ctx->picks++;
    ctx->nsites = nsites > 0 ? nsites : 0;
    if (ctx->count_only || nsites <= 0)
        return -1;
    if (ctx->forced_site >= 0)
        return ctx->forced_site < nsites ? ctx->forced_site : -1;
    return (int)ms_rand(ctx, (unsigned)nsites);
}

uint64_t ms_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}
