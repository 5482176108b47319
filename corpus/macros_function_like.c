/* Exercises: object-like and function-like macros, macros with multiple
   statements (do { } while (0)), stringification (#) and token pasting (##),
   conditional compilation, macro-generated functions. */
#include <stdio.h>

#define BUF_LEN 16
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define SWAP(T, a, b) do { T tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define DEFINE_SUM(T, name) \
    static T name(const T *v, int n) { T s = 0; for (int i = 0; i < n; i++) s += v[i]; return s; }

DEFINE_SUM(int, sum_int)
DEFINE_SUM(double, sum_double)

#ifndef VERBOSE
#define VERBOSE 0
#endif

#if VERBOSE
#define LOG(msg) printf("log: %s\n", msg)
#else
#define LOG(msg) ((void)0)
#endif

int main(void)
{
    int CAT(my, var) = 6;
    int v[] = { 3, SQUARE(4), MAX(7, 2), SQUARE(myvar - 1) };
    double d[BUF_LEN / 4] = { 0.5, 1.5, 2.5, 3.5 };
    int a = 1, b = 2;
    SWAP(int, a, b);
    if (a > b)
        SWAP(int, v[0], v[3]);
    else
        LOG("not swapped");
    LOG("done");
    const char *name = XSTR(BUF_LEN);
    int s = sum_int(v, (int)ARRAY_LEN(v));
    double sd = sum_double(d, (int)ARRAY_LEN(d));
    printf("s=%d sd=%.1f v0=%d name=%s str=%s\n", s, sd, v[0], name, STR(a + b));
    return (s == 51 && v[0] == 25 && name[0] == '1' && name[1] == '6') ? 0 : 1;
}
