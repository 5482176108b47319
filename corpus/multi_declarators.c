/* Exercises: declarations with several declarators mixing objects, pointers,
   arrays and function pointers (int a = 1, *p = &a, b[3];), file-scope and
   block-scope, typedef with multiple declarators. */
#include <stdio.h>

typedef int num, *num_ptr, num_arr[4];

static int g1 = 3, g2, *gp = &g1, garr[2] = { 7, 8 };
static double dx = 0.5, dy, *dp = &dx;

static int add1(int v) { return v + 1; }
static int twice(int v) { return v * 2; }

int main(void)
{
    int a = 1, *p = &a, b[3] = { 4, 5, 6 }, **pp = &p;
    num n = 9;
    num_ptr np = &n;
    num_arr na = { 1, 2, 3, 4 };
    int (*f)(int) = add1, (*table[2])(int) = { add1, twice }, c;
    unsigned long u1 = 10UL, u2 = u1 * 2, u3;
    char s1[] = "ab", *s2 = s1 + 1, ch = 'z';
    c = 0;
    u3 = u1 + u2;
    **pp += b[2];
    *np += na[3];
    g2 = *gp + garr[1];
    dy = *dp * 4;
    c = f(a) + table[1](c + 3) + table[0](n);
    printf("a=%d n=%d g2=%d dy=%.1f c=%d u3=%lu s2=%s ch=%c\n", a, n, g2, dy, c, u3, s2, ch);
    return (a == 7 && n == 13 && g2 == 11 && c == 8 + 6 + 14 && u3 == 30) ? 0 : 1;
}
