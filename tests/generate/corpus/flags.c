/* comparisons of struct fields and pointers */
#include <stdio.h>

struct range {
    unsigned first, last;
};

static int overlaps(const struct range *a, const struct range *b)
{
    return a->first <= b->last && b->first <= a->last;
}

int main(void)
{
    struct range r[2] = {{1, 4}, {3, 9}};
    const struct range *p = &r[0], *q = &r[1];
    int ordered = p < q;
    printf("%d %d\n", overlaps(p, q), ordered);
    return 0;
}
