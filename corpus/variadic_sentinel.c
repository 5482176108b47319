/* Exercises: variadic function terminated by a NULL sentinel, variadic
   function with an enum-tagged argument list, static inline helpers,
   string length by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum argt { A_END, A_INT, A_CHAR, A_STR };

static inline size_t slen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static size_t join_len(const char *first, ...)
{
    va_list ap;
    size_t total = 0;
    va_start(ap, first);
    for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
        total += slen(s) + 1;
    va_end(ap);
    return total;
}

static unsigned tagged(int dummy, ...)
{
    va_list ap;
    unsigned h = 2166136261u;
    va_start(ap, dummy);
    for (;;) {
        enum argt t = (enum argt)va_arg(ap, int);
        if (t == A_END)
            break;
        if (t == A_INT) {
            h = (h ^ (unsigned)va_arg(ap, int)) * 16777619u;
        } else if (t == A_CHAR) {
            h = (h ^ (unsigned char)va_arg(ap, int)) * 16777619u;
        } else {
            const char *s = va_arg(ap, const char *);
            while (*s)
                h = (h ^ (unsigned char)*s++) * 16777619u;
        }
    }
    va_end(ap);
    return h;
}

int main(void)
{
    size_t n = join_len("alpha", "be", "", "gamma\n", (const char *)NULL);
    unsigned h = tagged(0, A_INT, 12, A_CHAR, 'z', A_STR, "hash me", A_END);
    printf("len=%zu hash=%08x\n", n, h);
    return n == 17 ? 0 : 1;
}
