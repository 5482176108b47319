/* Exercises: pre/post increment and decrement on ints, pointers, array
   elements, struct members via ->, and in loop conditions; *p++ vs (*p)++
   vs ++*p. */
#include <stdio.h>

struct counter { int hits; int *slot; };

static int consume(const char **cursor)
{
    int v = 0;
    while (**cursor >= '0' && **cursor <= '9')
        v = v * 10 + (*(*cursor)++ - '0');
    if (**cursor)
        ++*cursor;
    return v;
}

int main(void)
{
    int a[6] = { 10, 20, 30, 40, 50, 60 };
    int *p = a;
    int x = *p++;       /* 10, p -> a[1] */
    int y = (*p)++;     /* 20, a[1] = 21 */
    int z = ++*p;       /* a[1] = 22 */
    int w = *++p;       /* 30, p -> a[2] */
    int *q = &a[5];
    int v = *q--;       /* 60 */
    --*q;               /* a[4] = 49 */
    struct counter c = { 0, &a[3] };
    struct counter *cp = &c;
    cp->hits++;
    ++cp->hits;
    (*cp->slot)--;
    int i = 5, j = 0;
    while (i-- > 0)
        j += i;
    int k = 0;
    for (int n = 10; n; --n)
        k++;
    const char *text = "12,345,6";
    const char *cur = text;
    int n1 = consume(&cur), n2 = consume(&cur), n3 = consume(&cur);
    printf("%d %d %d %d %d a=%d,%d,%d,%d hits=%d j=%d k=%d n=%d,%d,%d i=%d\n",
           x, y, z, w, v, a[1], a[3], a[4], a[5], c.hits, j, k, n1, n2, n3, i);
    return (x == 10 && y == 20 && z == 22 && w == 30 && a[4] == 49 && a[3] == 39 &&
            j == 10 && n2 == 345 && i == -1) ? 0 : 1;
}
