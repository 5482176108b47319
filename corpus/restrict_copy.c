/* Exercises: restrict-qualified pointer parameters in memcpy/memmove-like
   helpers, overlapping vs non-overlapping copies, pointer comparisons inside
   one array, char-wise copies. */
#include <stdio.h>
#include <stddef.h>

static void copy_fwd(unsigned char *restrict d, const unsigned char *restrict s, size_t n)
{
    while (n--)
        *d++ = *s++;
}

static void move_bytes(unsigned char *d, const unsigned char *s, size_t n)
{
    if (d < s) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else if (d > s) {
        for (size_t i = n; i-- > 0;)
            d[i] = s[i];
    }
}

static void add_arrays(size_t n, long *restrict out, const long *restrict a,
                       const long *restrict b)
{
    for (size_t i = 0; i < n; ++i)
        out[i] = a[i] + b[i];
}

int main(void)
{
    unsigned char buf[16] = "abcdefghijklmno";
    unsigned char other[16];
    copy_fwd(other, buf, sizeof buf);
    move_bytes(buf + 3, buf, 8);    /* overlapping, forward */
    move_bytes(other, other + 4, 8); /* overlapping, backward */
    long a[4] = { 1, 2, 3, 4 }, b[4] = { 10L, 20L, 30L, 40L }, c[4];
    add_arrays(4, c, a, b);
    printf("%s | %s | %ld\n", (char *)buf, (char *)other, c[0] + c[1] + c[2] + c[3]);
    return (buf[3] == 'a' && other[0] == 'e' && c[3] == 44) ? 0 : 1;
}
