/* Exercises: tagged union with an enum tag, switch on the tag with default,
   union inside a struct, array of structs with designated initializers. */
#include <stdio.h>

enum kind { K_INT, K_DBL, K_STR, K_PAIR };

struct value {
    enum kind k;
    union {
        long i;
        double d;
        const char *s;
        struct { short a, b; } pair;
    } u;
};

static double as_number(const struct value *v)
{
    switch (v->k) {
    case K_INT:
        return (double)v->u.i;
    case K_DBL:
        return v->u.d;
    case K_STR: {
        double n = 0;
        for (const char *p = v->u.s; *p; ++p)
            if (*p >= '0' && *p <= '9')
                n = n * 10 + (*p - '0');
        return n;
    }
    case K_PAIR:
        return v->u.pair.a * 100.0 + v->u.pair.b;
    default:
        return -1.0;
    }
}

int main(void)
{
    struct value vals[] = {
        { .k = K_INT, .u.i = 42L },
        { .k = K_DBL, .u.d = 2.5e1 },
        { .k = K_STR, .u.s = "x17y" },
        { .k = K_PAIR, .u.pair = { 3, -4 } },
    };
    double total = 0;
    unsigned n = sizeof vals / sizeof *vals;
    for (unsigned i = 0; i < n; i++) {
        double x = as_number(&vals[i]);
        printf("%u: %g\n", i, x);
        total += x;
    }
    printf("total=%.1f size=%zu\n", total, sizeof(struct value));
    return total > 0 ? 0 : 1;
}
