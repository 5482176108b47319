/* Exercises: fixed-size matrix multiply with integer and double matrices,
   identity construction, matrix power by repeated squaring (Fibonacci via
   matrices), nested for loops, arrays as struct members. */
#include <stdio.h>

typedef struct { unsigned long long m[2][2]; } mat2;
typedef struct { double a[3][3]; } mat3;

static mat2 mul2(mat2 x, mat2 y)
{
    mat2 r = { { { 0, 0 }, { 0, 0 } } };
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                r.m[i][j] += x.m[i][k] * y.m[k][j];
    return r;
}

static unsigned long long fib(unsigned n)
{
    mat2 result = { { { 1, 0 }, { 0, 1 } } };
    mat2 base = { { { 1, 1 }, { 1, 0 } } };
    while (n) {
        if (n & 1u)
            result = mul2(result, base);
        base = mul2(base, base);
        n >>= 1;
    }
    return result.m[0][1];
}

static void mul3(const mat3 *x, const mat3 *y, mat3 *out)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++)
                s += x->a[i][k] * y->a[k][j];
            out->a[i][j] = s;
        }
}

int main(void)
{
    unsigned long long f50 = fib(50), f10 = fib(10);
    mat3 rot = { { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } } };
    mat3 acc = { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } }, tmp;
    for (int i = 0; i < 4; i++) {
        mul3(&acc, &rot, &tmp);
        acc = tmp;
    }
    double tr = acc.a[0][0] + acc.a[1][1] + acc.a[2][2];
    printf("f10=%llu f50=%llu trace=%.1f\n", f10, f50, tr);
    return (f10 == 55ULL && f50 == 12586269025ULL && tr == 3.0) ? 0 : 1;
}
