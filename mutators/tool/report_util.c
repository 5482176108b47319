/*
 * report_util.c - allocation, formatting and string-list helpers for the
 * `mutsmith report` files (see report_util.h).
 */
#include "report_util.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *rp_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ms_die("out of memory");
    return p;
}

void *rp_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        ms_die("out of memory");
    return q;
}

char *rp_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = rp_xmalloc(n);
    memcpy(d, s, n);
    return d;
}

char *rp_fmt(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        ms_die("report: bad format string");
    char *s = rp_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char *rp_path(const char *a, const char *b)
{
    size_t la = strlen(a);
    if (la > 0 && a[la - 1] == '/')
        return rp_fmt("%s%s", a, b);
    return rp_fmt("%s/%s", a, b);
}

void rp_list_take(rp_strlist *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = rp_xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
    }
    l->v[l->n++] = s;
}

void rp_list_add(rp_strlist *l, const char *s)
{
    rp_list_take(l, rp_xstrdup(s));
}

void rp_list_free(rp_strlist *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *rp_trim(char *s)
{
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1]))
        s[--n] = '\0';
    return s;
}

int rp_parse_double(const char *s, double *out)
{
    while (is_blank(*s))
        s++;
    if (!*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno == ERANGE || !isfinite(v))
        return -1;
    if (*end == '%')
        end++;
    while (is_blank(*end))
        end++;
    if (*end)
        return -1;
    *out = v;
    return 0;
}

char *rp_count(unsigned long long v)
{
    char digits[32], out[48];
    int n = snprintf(digits, sizeof digits, "%llu", v);
    int o = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    return rp_xstrdup(out);
}

char *rp_duration(unsigned long long s)
{
    if (s >= 86400)
        return rp_fmt("%llu d %02llu h", s / 86400, s % 86400 / 3600);
    if (s >= 3600)
        return rp_fmt("%llu h %02llu min", s / 3600, s % 3600 / 60);
    if (s >= 60)
        return rp_fmt("%llu min %02llu s", s / 60, s % 60);
    return rp_fmt("%llu s", s);
}

char *rp_date(unsigned long long unix_secs)
{
    if (unix_secs == 0)
        return rp_xstrdup("?");
    time_t t = (time_t)unix_secs;
    struct tm tm;
    char buf[64];
    if (!gmtime_r(&t, &tm) || strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        return rp_xstrdup("?");
    return rp_xstrdup(buf);
}
