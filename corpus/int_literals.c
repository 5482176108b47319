/* Exercises: integer literals in every base and with every suffix (0x7fU,
   017, 10UL, 5LL, 0XffULL), type of literals via sizeof, unsigned
   arithmetic wrap-around, mixed width conversions. */
#include <stdio.h>
#include <limits.h>

int main(void)
{
    unsigned a = 0x7fU;
    int oct = 017;
    unsigned long b = 10UL;
    long long c = 5LL;
    unsigned long long d = 0XffULL;
    long e = -0x10L;
    unsigned f = 0u - 1u;                 /* UINT_MAX by wrap-around */
    unsigned short g = (unsigned short)70000;
    signed char h = (signed char)0x7f;
    long long sum = (long long)a + oct + (long long)b + c + (long long)d + e;
    unsigned mask = 0xF0F0u & ~0x0FF0u;
    int sizes = (int)(sizeof 1 + sizeof 1L + sizeof 1LL + sizeof 1u + sizeof 'x');
    printf("sum=%lld f=%u g=%u h=%d mask=%x sizes=%d oct=%o\n",
           sum, f, (unsigned)g, h, mask, sizes, 0777);
    return (sum == 127 + 15 + 10 + 5 + 255 - 16 && f == UINT_MAX && g == 4464 && mask == 0xF000u) ? 0 : 1;
}
