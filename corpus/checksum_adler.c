/* Exercises: Adler-32, Fletcher-16 and a simple XOR/rotate checksum over
   byte buffers, unsigned modular arithmetic, uint16_t/uint32_t mixing,
   loops over const unsigned char pointers. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t adler32(const unsigned char *data, size_t len)
{
    uint32_t a = 1, b = 0;
    const uint32_t MOD = 65521u;
    for (size_t i = 0; i < len; i++) {
        a = (a + data[i]) % MOD;
        b = (b + a) % MOD;
    }
    return (b << 16) | a;
}

static uint16_t fletcher16(const unsigned char *data, size_t len)
{
    uint16_t s1 = 0, s2 = 0;
    while (len--) {
        s1 = (uint16_t)((s1 + *data++) % 255);
        s2 = (uint16_t)((s2 + s1) % 255);
    }
    return (uint16_t)(s2 << 8 | s1);
}

static uint8_t xor_rot(const unsigned char *data, size_t len)
{
    uint8_t c = 0;
    for (size_t i = 0; i < len; i++) {
        c = (uint8_t)((c << 1) | (c >> 7));
        c ^= data[i];
    }
    return c;
}

int main(void)
{
    const char *msg = "Wikipedia";
    const unsigned char *bytes = (const unsigned char *)msg;
    size_t n = strlen(msg);
    uint32_t a = adler32(bytes, n);
    uint16_t f = fletcher16((const unsigned char *)"abcde", 5);
    unsigned char buf[256];
    for (int i = 0; i < 256; i++)
        buf[i] = (unsigned char)(255 - i);
    uint8_t x = xor_rot(buf, sizeof buf);
    uint32_t big = adler32(buf, sizeof buf);
    printf("adler=%08x fletcher=%04x xor=%02x big=%08x\n", a, (unsigned)f, (unsigned)x, big);
    return (a == 0x11E60398u && f == 0xC8F0u) ? 0 : 1;
}
