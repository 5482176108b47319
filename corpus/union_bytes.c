/* Exercises: union type punning between uint32_t and an unsigned char array,
   float bit inspection through a union, hex literals, shifts, casts. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

union word {
    uint32_t w;
    unsigned char b[4];
    uint16_t h[2];
};

union fbits {
    float f;
    uint32_t u;
};

static int is_little_endian(void)
{
    union word t = { .w = 0x01020304u };
    return t.b[0] == 0x04;
}

static uint32_t byteswap(uint32_t x)
{
    union word in = { .w = x }, out;
    for (int i = 0; i < 4; i++)
        out.b[i] = in.b[3 - i];
    return out.w;
}

int main(void)
{
    union fbits fb;
    fb.f = -1.5f;
    unsigned sign = fb.u >> 31;
    unsigned expo = (fb.u >> 23) & 0xFFu;
    unsigned mant = fb.u & 0x7FFFFFu;
    uint32_t x = 0xA1B2C3D4u;
    uint32_t y = byteswap(byteswap(x));
    float g;
    uint32_t raw = 0x40490FDBu;
    memcpy(&g, &raw, sizeof g);
    printf("le=%d sign=%u exp=%u mant=%06x swap=%08x g=%.4f\n",
           is_little_endian(), sign, expo, mant,
           (unsigned)byteswap(x), (double)g);
    return (y == x && sign == 1u && expo == 127u) ? 0 : 1;
}
