/* Exercises: bitfield header packing in a struct nested in a struct, uint8_t
   byte arrays, shifts and masks, designated initializers, for loops. */
#include <stdio.h>
#include <stdint.h>

struct hdr_bits {
    unsigned int version : 4;
    unsigned int ihl : 4;
    unsigned int tos : 8;
    unsigned int length : 16;
};

struct packet {
    struct hdr_bits h;
    uint8_t payload[12];
    uint16_t checksum;
};

static uint16_t sum16(const uint8_t *p, int n)
{
    uint32_t acc = 0;
    for (int i = 0; i + 1 < n; i += 2)
        acc += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        acc += (uint32_t)p[n - 1] << 8;
    while (acc >> 16)
        acc = (acc & 0xFFFFu) + (acc >> 16);
    return (uint16_t)~acc;
}

static void fill(struct packet *pk, uint8_t seed)
{
    for (unsigned i = 0; i < sizeof pk->payload; ++i)
        pk->payload[i] = (uint8_t)(seed + i * 17u);
    pk->h.length = (unsigned)(sizeof pk->payload + 4);
    pk->checksum = sum16(pk->payload, (int)sizeof pk->payload);
}

int main(void)
{
    struct packet pk = { .h = { .version = 4, .ihl = 5, .tos = 0x10 } };
    fill(&pk, 0x3c);
    unsigned total = pk.h.version + pk.h.ihl + pk.h.tos + pk.h.length;
    pk.h.tos += 0xF5;               /* wraps inside the 8-bit field */
    pk.h.version--;
    printf("ver=%u ihl=%u tos=%u len=%u sum=%04x total=%u\n",
           pk.h.version, pk.h.ihl, pk.h.tos, pk.h.length,
           (unsigned)pk.checksum, total);
    return pk.h.tos == 5 ? 0 : 1;
}
