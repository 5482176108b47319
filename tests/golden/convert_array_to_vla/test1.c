/* Exercises: Base64 encode/decode with a const alphabet string and a
   reverse lookup table built at run time, 24-bit groups assembled by shifts,
   padding characters, uint8_t buffers, round-trip comparison with memcmp. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static signed char rev[256];

static size_t b64_encode(const uint8_t *in, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n) v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n) v |= in[i + 2];
        out[o++] = alphabet[(v >> 18) & 63u];
        out[o++] = alphabet[(v >> 12) & 63u];
        out[o++] = i + 1 < n ? alphabet[(v >> 6) & 63u] : '=';
        out[o++] = i + 2 < n ? alphabet[v & 63u] : '=';
    }
    out[o] = '\0';
    return o;
}

static long b64_decode(const char *in, uint8_t *out)
{
    size_t n = strlen(in), o = 0;
    if (n % 4)
        return -1;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            char c = in[i + k];
            int d = c == '=' ? (pad++, 0) : rev[(unsigned char)c];
            if (d < 0)
                return -1;
            v = v << 6 | (uint32_t)d;
        }
        out[o++] = (uint8_t)(v >> 16);
        if (pad < 2) out[o++] = (uint8_t)(v >> 8);
        if (pad < 1) out[o++] = (uint8_t)v;
    }
    return (long)o;
}

int main(void)
{
    memset(rev, -1, sizeof rev);
    for (int i = 0; i < 64; i++)
        rev[(unsigned char)alphabet[i]] = (signed char)i;
    const char *texts[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is\x01\xff" };
    int ok = 0;
    char enc[32];
    uint8_t dec[32];
    for (int t = 0; t < 8; t++) {
        size_t len = strlen(texts[t]);
        b64_encode((const uint8_t *)texts[t], len, enc);
        long d = b64_decode(enc, dec);
        ok += d == (long)len && memcmp(dec, texts[t], len) == 0;
        printf("%s\n", enc);
    }
    long bad = b64_decode("ab$=", dec);
    printf("ok=%d bad=%ld\n", ok, bad);
    return (ok == 8 && bad == -1) ? 0 : 1;
}
