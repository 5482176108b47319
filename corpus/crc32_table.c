/* Exercises: CRC-32 with a lazily built 256-entry static table, bitwise
   CRC for comparison, static initialisation flag, unsigned shifts and xor,
   processing strings and byte arrays. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t table[256];
static int table_ready;

static void build_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    table_ready = 1;
}

static uint32_t crc32_fast(const void *data, size_t n)
{
    const uint8_t *p = data;
    uint32_t crc = 0xFFFFFFFFu;
    if (!table_ready)
        build_table();
    while (n--)
        crc = table[(crc ^ *p++) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

static uint32_t crc32_slow(const uint8_t *p, size_t n)
{
    uint32_t crc = ~0u;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

int main(void)
{
    const char *check = "123456789";
    uint32_t a = crc32_fast(check, strlen(check));
    uint32_t b = crc32_slow((const uint8_t *)check, strlen(check));
    uint8_t blob[100];
    for (int i = 0; i < 100; i++)
        blob[i] = (uint8_t)(i * 37 + 11);
    uint32_t c = crc32_fast(blob, sizeof blob), d = crc32_slow(blob, sizeof blob);
    printf("crc=%08x %08x blob=%08x %08x empty=%08x\n", a, b, c, d, crc32_fast("", 0));
    return (a == 0xCBF43926u && a == b && c == d) ? 0 : 1;
}
