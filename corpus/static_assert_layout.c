/* Exercises: _Static_assert at file and block scope, sizeof/_Alignof of
   structs, offsetof, padding reasoning, limits.h constants. */
#include <stddef.h>
#include <limits.h>
#include <stdio.h>

struct header {
    unsigned char tag;
    unsigned int length;
    unsigned short flags;
};

struct packed_like {
    unsigned int length;
    unsigned short flags;
    unsigned char tag;
};

_Static_assert(CHAR_BIT == 8, "8-bit bytes expected");
_Static_assert(sizeof(struct packed_like) <= sizeof(struct header),
               "reordering must not grow the struct");
_Static_assert(offsetof(struct header, tag) == 0, "first member at offset 0");
_Static_assert(_Alignof(struct header) == _Alignof(unsigned int), "alignment");

enum { SLOTS = 8 };
static struct header table[SLOTS];
_Static_assert(sizeof table / sizeof table[0] == SLOTS, "table size");

static size_t wasted(size_t total, size_t used)
{
    return total - used;
}

int main(void)
{
    _Static_assert(sizeof(long long) >= 8, "long long is at least 64 bits");
    size_t used = sizeof(unsigned char) + sizeof(unsigned int) + sizeof(unsigned short);
    size_t w1 = wasted(sizeof(struct header), used);
    size_t w2 = wasted(sizeof(struct packed_like), used);
    for (int i = 0; i < SLOTS; i++) {
        table[i].tag = (unsigned char)('A' + i);
        table[i].length = (unsigned)(i * i);
        table[i].flags = (unsigned short)(1u << i);
    }
    unsigned sum = 0;
    for (int i = 0; i < SLOTS; i++)
        sum += table[i].tag + table[i].length + table[i].flags;
    printf("w1=%zu w2=%zu off=%zu align=%zu sum=%u\n", w1, w2,
           offsetof(struct header, flags), _Alignof(struct header), sum);
    return w2 <= w1 ? 0 : 1;
}
