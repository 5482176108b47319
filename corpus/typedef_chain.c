/* Exercises: long typedef chains for scalars, arrays, structs, pointers and
   function pointers; typedefs used in casts, sizeof and parameter lists. */
#include <stdio.h>

typedef unsigned char u8;
typedef u8 byte;
typedef byte octet;
typedef octet block[4];
typedef block *block_ptr;

typedef struct { octet lo, hi; } pair_t;
typedef pair_t word_pair;
typedef word_pair *word_pair_ptr;
typedef const word_pair *cword_pair_ptr;

typedef unsigned (*mixer)(unsigned, octet);
typedef mixer mixer_t;
typedef mixer_t mixers[3];

static unsigned mix_add(unsigned h, octet b) { return h + b; }
static unsigned mix_xor(unsigned h, octet b) { return (h << 3) ^ b; }
static unsigned mix_mul(unsigned h, octet b) { return h * 33u + b; }

static unsigned apply(const mixers m, block_ptr blocks, int nblocks)
{
    unsigned h = 5381u;
    for (int i = 0; i < nblocks; i++)
        for (int j = 0; j < (int)sizeof(block); j++)
            h = m[(i + j) % 3](h, blocks[i][j]);
    return h;
}

static word_pair swap(cword_pair_ptr p)
{
    word_pair r = { p->hi, p->lo };
    return r;
}

int main(void)
{
    block data[3] = { { 1, 2, 3, 4 }, { 0xff, 0x80, 0x7f, 0 }, { 'a', 'b', 'c', 'd' } };
    mixers m = { mix_add, mix_xor, mix_mul };
    unsigned h = apply(m, data, 3);
    word_pair wp = { (octet)0x12, (octet)0x34 };
    word_pair_ptr pp = &wp;
    word_pair sw = swap(pp);
    unsigned joined = (unsigned)sw.hi << 8 | sw.lo;
    printf("h=%08x joined=%04x sizes=%zu,%zu\n", h, joined, sizeof(block), sizeof(word_pair));
    return joined == 0x1234u ? 0 : 1;
}
