/* Exercises: _Generic-based type-generic macros (abs, max, print), nested
   _Generic, _Generic on pointer types and on struct types, selections with
   const-qualified pointers, compound literals as _Generic operands. */
#include <stdio.h>

struct vec { int x, y; };
struct cplx { double re, im; };

static long long norm_vec(struct vec v) { return (long long)v.x * v.x + (long long)v.y * v.y; }
static double norm_cplx(struct cplx c) { return c.re * c.re + c.im * c.im; }

#define NORM(v) _Generic((v), struct vec: norm_vec, struct cplx: norm_cplx)(v)

#define TMAX(a, b) _Generic((a) + (b), \
    int: max_int, long: max_long, double: max_double)((a), (b))

static int max_int(int a, int b) { return a > b ? a : b; }
static long max_long(long a, long b) { return a > b ? a : b; }
static double max_double(double a, double b) { return a > b ? a : b; }

#define IS_CONST_PTR(p) _Generic((p), const char *: 1, char *: 0, const int *: 1, int *: 0, default: -1)
#define WIDTH(x) _Generic((x), char: 1, short: 2, int: 4, long: _Generic((long)0, long: sizeof(long)), default: 0)

int main(void)
{
    struct vec v = { 3, 4 };
    long long nv = NORM(v);
    double nc = NORM(((struct cplx){ 1.5, -2.0 }));
    int mi = TMAX(3, 9);
    long ml = TMAX(10L, 4);
    double md = TMAX(2, 7.5);
    char buf[4] = "ab";
    const char *cp = buf;
    int iv = 0;
    const int *cip = &iv;
    int flags = IS_CONST_PTR(cp) * 1 + IS_CONST_PTR(buf) * 2 + IS_CONST_PTR(cip) * 4 +
                IS_CONST_PTR(&iv) * 8 + (IS_CONST_PTR(&v) == -1) * 16;
    size_t w = WIDTH((char)1) + WIDTH((short)1) + WIDTH(1) + WIDTH(1L);
    printf("nv=%lld nc=%.2f mi=%d ml=%ld md=%.1f flags=%d w=%zu\n", nv, nc, mi, ml, md, flags, w);
    return (nv == 25 && mi == 9 && ml == 10 && md == 7.5 && flags == 21) ? 0 : 1;
}
