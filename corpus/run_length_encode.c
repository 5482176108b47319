/* Exercises: run-length encoding and decoding between char buffers with
   explicit capacity checks, digit emission for counts, round-trip test,
   while and for loops over pointers, early return on overflow. */
#include <stdio.h>
#include <string.h>

static int rle_encode(const char *in, char *out, int cap)
{
    int o = 0;
    while (*in) {
        char c = *in;
        int run = 0;
        while (*in == c && run < 99) {
            in++;
            run++;
        }
        if (run > 1) {
            if (run >= 10) {
                if (o >= cap - 1) return -1;
                out[o++] = (char)('0' + run / 10);
            }
            if (o >= cap - 1) return -1;
            out[o++] = (char)('0' + run % 10);
        }
        if (o >= cap - 1) return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

static int rle_decode(const char *in, char *out, int cap)
{
    int o = 0;
    while (*in) {
        int run = 0;
        while (*in >= '0' && *in <= '9')
            run = run * 10 + (*in++ - '0');
        if (run == 0)
            run = 1;
        if (*in == '\0' || o + run >= cap)
            return -1;
        for (int i = 0; i < run; i++)
            out[o++] = *in;
        in++;
    }
    out[o] = '\0';
    return o;
}

int main(void)
{
    static const char *const samples[] = {
        "aaabccddddde", "xyz", "", "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwb", "..--..__",
    };
    int ok = 0, total_enc = 0;
    for (unsigned i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char enc[64], dec[64];
        int e = rle_encode(samples[i], enc, (int)sizeof enc);
        int d = e >= 0 ? rle_decode(enc, dec, (int)sizeof dec) : -1;
        total_enc += e;
        if (d >= 0 && strcmp(dec, samples[i]) == 0)
            ok++;
        printf("\"%s\" -> \"%s\"\n", samples[i], e >= 0 ? enc : "(overflow)");
    }
    char tiny[4];
    int overflow = rle_encode("abcdef", tiny, (int)sizeof tiny);
    printf("ok=%d enc=%d overflow=%d\n", ok, total_enc, overflow);
    return (ok == 5 && overflow == -1) ? 0 : 1;
}
