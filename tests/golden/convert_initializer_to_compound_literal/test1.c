/* Exercises: unsigned bitfields of several widths, bitfield compound
   assignment, struct passed by pointer (->), masks, do-while, enum flags. */
#include <stdio.h>

enum perm { PERM_R = 4, PERM_W = 2, PERM_X = 1 };

struct file_mode {
    unsigned owner : 3;
    unsigned group : 3;
    unsigned other : 3;
    unsigned sticky : 1;
    unsigned setuid : 1;
    unsigned : 0;
    unsigned kind : 4;
};

static unsigned encode(const struct file_mode *m)
{
    unsigned v = 0;
    v |= (unsigned)m->owner << 6;
    v |= (unsigned)m->group << 3;
    v |= m->other;
    v |= (unsigned)m->sticky << 9;
    v |= (unsigned)m->setuid << 11;
    return v;
}

static void decode(unsigned v, struct file_mode *m)
{
    m->owner = (v >> 6) & 07;
    m->group = (v >> 3) & 07;
    m->other = v & 07;
    m->sticky = (v >> 9) & 1u;
    m->setuid = (v >> 11) & 1u;
}

static int count_bits(unsigned v)
{
    int n = 0;
    do {
        n += (int)(v & 1u);
        v >>= 1;
    } while (v != 0);
    return n;
}

int main(void)
{
    struct file_mode m = { 7, 5, 5, 0, 0, 0 };
    unsigned code = encode(&m);
    struct file_mode back;
    decode(code, &back);
    back.kind = 9;
    back.other &= ~PERM_X & 7;
    back.group |= PERM_W;
    back.owner ^= PERM_X;
    back.sticky = 1;
    unsigned code2 = encode(&back);
    int bits = count_bits(code2);
    printf("%o %o %d kind=%u\n", code, code2, bits, (unsigned)back.kind);
    if (code != 0755u || back.kind != 9)
        return 1;
    return 0;
}
