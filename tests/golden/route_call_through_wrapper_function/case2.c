#include <stdio.h>

struct acc {
    long total;
};

static void bump(struct acc *a, const char name[], double v);

int main(void)
{
    struct acc a = {0};
    bump(&a, "x", 2.5f);
    printf("%ld\n", a.total);
    return 0;
}

static void bump(struct acc *a, const char name[], double v)
{
    a->total += (long)v + (long)sizeof name;
}
