/* Exercises: a mini printf writing into a char buffer, va_arg with int,
   unsigned, long, const char * and double, switch on format characters with
   fallthrough, string building with pointer arithmetic. */
#include <stdarg.h>
#include <stdio.h>

static char *put_uint(char *out, char *end, unsigned long v, unsigned base)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v && n < 24);
    while (n > 0 && out < end)
        *out++ = tmp[--n];
    return out;
}

static int mini_format(char *buf, int cap, const char *fmt, ...)
{
    va_list ap;
    char *out = buf, *end = buf + cap - 1;
    va_start(ap, fmt);
    for (const char *p = fmt; *p && out < end; p++) {
        if (*p != '%') {
            *out++ = *p;
            continue;
        }
        switch (*++p) {
        case 'd': {
            int v = va_arg(ap, int);
            unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
            if (v < 0)
                *out++ = '-';
            out = put_uint(out, end, mag, 10);
            break;
        }
        case 'x':
            out = put_uint(out, end, va_arg(ap, unsigned), 16);
            break;
        case 'l':
            ++p; /* only %lu supported */
            out = put_uint(out, end, va_arg(ap, unsigned long), 10);
            break;
        case 's':
            for (const char *s = va_arg(ap, const char *); *s && out < end; )
                *out++ = *s++;
            break;
        case '\0':
            --p;
            /* fallthrough */
        case '%':
            *out++ = '%';
            break;
        default:
            *out++ = '?';
        }
    }
    va_end(ap);
    *out = '\0';
    return (int)(out - buf);
}

int main(void)
{
    char buf[96];
    int n = mini_format(buf, sizeof buf, "n=%d h=%x big=%lu s=%s pct=%% q=%q",
                        -1234, 0xBEEFu, 4000000000UL, "ok\tdone", 5);
    printf("%s (%d)\n", buf, n);
    return n > 0 ? 0 : 1;
}
