/* Exercises: casts between integer widths and signedness, int <-> float,
   pointer <-> uintptr_t, void * round trips, char * views of objects,
   truncation and sign extension that are well defined. */
#include <stdio.h>
#include <stdint.h>

struct rec { int id; short tag; };

int main(void)
{
    int neg = -200;
    unsigned char uc = (unsigned char)neg;           /* 56 */
    signed char sc = (signed char)(unsigned char)0x90; /* implementation-defined, -112 on gcc/clang */
    unsigned short us = (unsigned short)-1;
    long widened = (long)(short)us;                   /* -1 */
    uint64_t big = (uint64_t)(uint32_t)-1 + 1u;       /* 2^32 */
    double d = 1234.9876;
    int di = (int)d;
    float f = (float)di / 8;
    long long ll = (long long)(f * 1000.0f);
    unsigned u = (unsigned)(int8_t)-3;                /* UINT_MAX - 2 */

    struct rec r = { 77, 5 };
    void *vp = &r;
    struct rec *rp = (struct rec *)vp;
    uintptr_t addr = (uintptr_t)(void *)rp;
    struct rec *back = (struct rec *)(void *)addr;
    const unsigned char *bytes = (const unsigned char *)&r.id;
    unsigned byte_sum = 0;
    for (size_t i = 0; i < sizeof r.id; i++)
        byte_sum += bytes[i];
    int idx = (int)(char)('0' + 7) - '0';
    printf("uc=%u sc=%d us=%u w=%ld big=%llu di=%d f=%.3f ll=%lld u=%u id=%d bs=%u idx=%d\n",
           uc, sc, us, widened, (unsigned long long)big, di, (double)f, ll, u,
           back->id, byte_sum, idx);
    return (uc == 56 && widened == -1 && di == 1234 && back == &r && byte_sum == 77) ? 0 : 1;
}
