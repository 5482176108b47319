/* Exercises: arbitrary-precision decimal arithmetic on digit arrays
   (addition, multiplication by small int, comparison), conversion from and
   to strings, factorial of 30, carries with unsigned char digits. */
#include <stdio.h>
#include <string.h>

#define MAXD 64

typedef struct { unsigned char d[MAXD]; int len; } big;   /* little-endian digits */

static void from_str(big *b, const char *s)
{
    int n = (int)strlen(s);
    b->len = n;
    for (int i = 0; i < n; i++)
        b->d[i] = (unsigned char)(s[n - 1 - i] - '0');
}

static void to_str(const big *b, char *out)
{
    for (int i = 0; i < b->len; i++)
        out[i] = (char)('0' + b->d[b->len - 1 - i]);
    out[b->len] = '\0';
}

static void add(big *r, const big *a, const big *b)
{
    int carry = 0, n = a->len > b->len ? a->len : b->len;
    r->len = 0;
    for (int i = 0; i < n || carry; i++) {
        int s = carry + (i < a->len ? a->d[i] : 0) + (i < b->len ? b->d[i] : 0);
        r->d[i] = (unsigned char)(s % 10);
        carry = s / 10;
        r->len = i + 1;
    }
}

static void mul_small(big *b, unsigned m)
{
    unsigned carry = 0;
    int i;
    for (i = 0; i < b->len || carry; i++) {
        unsigned v = (i < b->len ? b->d[i] : 0u) * m + carry;
        b->d[i] = (unsigned char)(v % 10u);
        carry = v / 10u;
    }
    b->len = i;
    while (b->len > 1 && b->d[b->len - 1] == 0)
        b->len--;
}

static int cmp(const big *a, const big *b)
{
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (int i = a->len - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

int main(void)
{
    big a, b, s, f;
    char out[MAXD + 1];
    from_str(&a, "99999999999999999999");
    from_str(&b, "1");
    add(&s, &a, &b);
    to_str(&s, out);
    printf("sum=%s\n", out);
    from_str(&f, "1");
    for (unsigned k = 2; k <= 30; k++)
        mul_small(&f, k);
    char fact[MAXD + 1];
    to_str(&f, fact);
    printf("30!=%s cmp=%d\n", fact, cmp(&f, &s));
    return (strcmp(out, "100000000000000000000") == 0 &&
            strcmp(fact, "265252859812191058636308480000000") == 0) ? 0 : 1;
}
