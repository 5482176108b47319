/* Exercises: compound literals of struct and array type, compound literals
   passed to functions and assigned through pointers, nested compound
   literals, designated initializers inside them. */
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point lo, hi; };

static int area(struct rect r)
{
    return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y);
}

static struct point add(struct point a, struct point b)
{
    return (struct point){ a.x + b.x, a.y + b.y };
}

static int sum(const int *v, int n)
{
    int s = 0;
    while (n-- > 0)
        s += *v++;
    return s;
}

int main(void)
{
    struct rect r = (struct rect){ .lo = { 1, 2 }, .hi = (struct point){ .y = 8, .x = 6 } };
    int a = area(r);
    struct point *p = &(struct point){ 3, 4 };
    p->x += 10;
    struct point q = add(*p, (struct point){ -1, -1 });
    int s = sum((int[]){ 5, 6, 7, 8 }, 4);
    int t = sum((const int[3]){ [2] = 9, [0] = 1 }, 3);
    const char *w = (const char *[]){ "zero", "one", "two" }[2];
    printf("area=%d q=(%d,%d) s=%d t=%d w=%s\n", a, q.x, q.y, s, t, w);
    return (a == 30 && q.x == 12 && s == 26 && t == 10) ? 0 : 1;
}
