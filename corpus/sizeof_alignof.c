/* Exercises: sizeof on types, expressions and arrays; _Alignof on scalar,
   struct and array types; alignment rounding helpers; sizeof does not
   evaluate its operand. */
#include <stdio.h>
#include <stddef.h>

struct mixed { char c; double d; short s; };
struct tight { double d; short s; char c; };
union either { char c[5]; int i; };

static size_t align_up(size_t n, size_t a)
{
    return (n + a - 1) / a * a;
}

int main(void)
{
    int counter = 0;
    size_t s1 = sizeof(counter * 2L);        /* operand not evaluated */
    size_t s2 = sizeof(struct mixed), s3 = sizeof(struct tight);
    size_t s4 = sizeof(union either);
    size_t a1 = _Alignof(char), a2 = _Alignof(double), a3 = _Alignof(struct mixed);
    size_t a4 = _Alignof(int[7]);
    long arr[3][5];
    size_t elems = sizeof arr / sizeof arr[0][0];
    size_t rows = sizeof arr / sizeof arr[0];
    size_t computed = align_up(align_up(1, _Alignof(double)) + sizeof(double) + sizeof(short), a3);
    printf("s1=%zu mixed=%zu tight=%zu union=%zu a=%zu,%zu,%zu,%zu elems=%zu rows=%zu calc=%zu cnt=%d\n",
           s1, s2, s3, s4, a1, a2, a3, a4, elems, rows, computed, counter);
    return (counter == 0 && s3 <= s2 && elems == 15 && rows == 3 && computed == s2 &&
            s4 >= 5 && a1 == 1 && a4 == _Alignof(int)) ? 0 : 1;
}
