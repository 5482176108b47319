/* Exercises: bit manipulation on unsigned values: shifts, masks, rotate,
   popcount, parity, lowest set bit, bit reversal, Gray code, power-of-two
   tests, extracting/inserting bit fields by hand. */
#include <stdio.h>
#include <stdint.h>

static inline uint32_t rotl32(uint32_t v, unsigned r)
{
    r &= 31u;
    return r ? (v << r) | (v >> (32u - r)) : v;
}

static inline unsigned popcnt(uint32_t v)
{
    v = v - ((v >> 1) & 0x55555555u);
    v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
    v = (v + (v >> 4)) & 0x0F0F0F0Fu;
    return (v * 0x01010101u) >> 24;
}

static uint32_t reverse_bits(uint32_t v)
{
    uint32_t r = 0;
    for (int i = 0; i < 32; i++, v >>= 1)
        r = (r << 1) | (v & 1u);
    return r;
}

static uint32_t get_field(uint32_t w, unsigned pos, unsigned len)
{
    return (w >> pos) & ((1u << len) - 1u);
}

static uint32_t set_field(uint32_t w, unsigned pos, unsigned len, uint32_t val)
{
    uint32_t mask = ((1u << len) - 1u) << pos;
    return (w & ~mask) | ((val << pos) & mask);
}

int main(void)
{
    uint32_t x = 0xDEADBEEFu;
    unsigned pc = popcnt(x);
    unsigned parity = pc & 1u;
    uint32_t low = x & (0u - x);          /* lowest set bit */
    uint32_t rev = reverse_bits(x);
    uint32_t rot = rotl32(x, 8) ^ rotl32(x, 0);
    uint32_t gray = 0;
    for (uint32_t i = 0; i < 16; i++)
        gray += i ^ (i >> 1);
    int pow2 = 0;
    for (uint32_t v = 1; v < 1000; v++)
        pow2 += (v & (v - 1)) == 0;
    uint32_t w = set_field(0, 4, 6, 0x2Au);
    w = set_field(w, 20, 4, 0xFu);
    uint32_t f = get_field(w, 4, 6);
    uint16_t h = (uint16_t)(x >> 16);
    h = (uint16_t)(h << 3 | h >> 13);
    printf("pc=%u par=%u low=%#x rev=%#x rot=%#x gray=%u pow2=%d w=%#x f=%#x h=%#x\n",
           pc, parity, low, rev, rot, gray, pow2, w, f, (unsigned)h);
    return (pc == 24 && low == 1u && rev == 0xF77DB57Bu && pow2 == 10 && f == 0x2Au) ? 0 : 1;
}
