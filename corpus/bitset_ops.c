/* Exercises: a bitset of 200 bits in an array of uint32_t words with
   set/clear/test/toggle via shifts and masks, union/intersection/difference
   of sets, counting, iteration over set bits, macros for word indices. */
#include <stdio.h>
#include <stdint.h>

#define NBITS 200u
#define WORDS ((NBITS + 31u) / 32u)
#define WORD(i) ((i) >> 5)
#define BIT(i) (1u << ((i) & 31u))

typedef struct { uint32_t w[WORDS]; } bitset;

static inline void bs_set(bitset *b, unsigned i) { b->w[WORD(i)] |= BIT(i); }
static void bs_clear(bitset *b, unsigned i) { b->w[WORD(i)] &= ~BIT(i); }
static void bs_toggle(bitset *b, unsigned i) { b->w[WORD(i)] ^= BIT(i); }
static inline int bs_test(const bitset *b, unsigned i) { return (b->w[WORD(i)] & BIT(i)) != 0; }

static unsigned bs_count(const bitset *b)
{
    unsigned n = 0;
    for (unsigned k = 0; k < WORDS; k++)
        for (uint32_t v = b->w[k]; v; v &= v - 1u)
            n++;
    return n;
}

static bitset bs_op(const bitset *a, const bitset *b, char op)
{
    bitset r;
    for (unsigned k = 0; k < WORDS; k++)
        r.w[k] = op == '|' ? a->w[k] | b->w[k] : op == '&' ? a->w[k] & b->w[k] : a->w[k] & ~b->w[k];
    return r;
}

int main(void)
{
    bitset mult3 = { { 0 } }, mult5 = { { 0 } };
    for (unsigned i = 0; i < NBITS; i += 3) bs_set(&mult3, i);
    for (unsigned i = 0; i < NBITS; i += 5) bs_set(&mult5, i);
    bitset u = bs_op(&mult3, &mult5, '|');
    bitset in = bs_op(&mult3, &mult5, '&');
    bitset diff = bs_op(&mult3, &mult5, '-');
    bs_clear(&u, 0);
    bs_toggle(&u, 1);
    bs_toggle(&u, 3);
    unsigned sum = 0;
    for (unsigned i = 0; i < NBITS; i++)
        if (bs_test(&in, i))
            sum += i;
    printf("u=%u in=%u diff=%u sum=%u\n", bs_count(&u), bs_count(&in), bs_count(&diff), sum);
    return (bs_count(&in) == 14 && bs_count(&mult3) == 67 && sum == 15u * (13u * 14u / 2u)) ? 0 : 1;
}
