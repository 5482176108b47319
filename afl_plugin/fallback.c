/*
 * fallback.c - parse-free mutations of C text (see fallback.h): delete,
 * duplicate or swap lines, insert a C token, replace a number, delete a
 * short span. Each result is checked to differ from the input and to fit
 * max_size; if no operation succeeds a last resort always does.
 */
#include "fallback.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static size_t below(uint64_t *s, size_t n)
{
    return n ? (size_t)(rnd(s) % n) : 0;
}

static int reserve(unsigned char **buf, size_t *cap, size_t need)
{
    if (need <= *cap && *buf)
        return 0;
    size_t c = *cap ? *cap : 4096;
    while (c < need)
        c *= 2;
    unsigned char *nb = realloc(*buf, c);
    if (!nb)
        return -1;
    *buf = nb;
    *cap = c;
    return 0;
}

/* Line [b, e) including its newline, the k-th line (0-based) of in. */
static void nth_line(const unsigned char *in, size_t len, size_t k, size_t *b, size_t *e)
{
    size_t i = 0;
    while (k > 0 && i < len) {
        if (in[i++] == '\n')
            k--;
    }
    *b = i;
    while (i < len && in[i] != '\n')
        i++;
    *e = i < len ? i + 1 : i;
}

static size_t count_lines(const unsigned char *in, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += in[i] == '\n';
    return n;
}

/* out = in[0..b) + ins + in[e..len) */
static size_t splice(const unsigned char *in, size_t len, size_t b, size_t e, const void *ins,
                     size_t inslen, size_t max_size, unsigned char **buf, size_t *cap)
{
    size_t n = b + inslen + (len - e);
    if (n > max_size || reserve(buf, cap, n + 1))
        return 0;
    memmove(*buf, in, b);
    memcpy(*buf + b, ins, inslen);
    memcpy(*buf + b + inslen, in + e, len - e);
    return n;
}

static const char *const tokens[] = {";", "}", "{", "(", ")", "0", "-1", "*", "&", ",", "int ",
                                     "return ", "if (0) ", "while (0) ", "sizeof ", "~", "!",
                                     "[0]", "->x", ".x", "2147483647", "(char)", "goto L;", "L: "};

size_t fb_mutate(const unsigned char *in, size_t len, size_t max_size, uint64_t *rng,
                 unsigned char **buf, size_t *cap, const char **desc)
{
    if (max_size == 0)
        return 0;
    size_t lines = count_lines(in, len);
    for (int attempt = 0; attempt < 8; attempt++) {
        size_t n = 0, b, e, b2, e2;
        switch (below(rng, 6)) {
        case 0: /* delete a line */
            if (lines < 2)
                continue;
            nth_line(in, len, below(rng, lines), &b, &e);
            n = splice(in, len, b, e, "", 0, max_size, buf, cap);
            *desc = "fallback_delete_line";
            break;
        case 1: /* duplicate a line */
            nth_line(in, len, below(rng, lines), &b, &e);
            if (e == b || reserve(buf, cap, e - b))
                continue;
            n = splice(in, len, e, e, in + b, e - b, max_size, buf, cap);
            *desc = "fallback_duplicate_line";
            break;
        case 2: { /* swap two lines */
            if (lines < 3)
                continue;
            size_t k1 = below(rng, lines), k2 = below(rng, lines);
            if (k1 == k2)
                continue;
            if (k1 > k2) {
                size_t t = k1;
                k1 = k2;
                k2 = t;
            }
            nth_line(in, len, k1, &b, &e);
            nth_line(in, len, k2, &b2, &e2);
            if (e2 > len || e > b2 || len > max_size || reserve(buf, cap, len + 1))
                continue;
            /* lines without a trailing newline at EOF: keep bytes, not shape */
            size_t o = 0;
            memcpy(*buf + o, in, b), o += b;
            memcpy(*buf + o, in + b2, e2 - b2), o += e2 - b2;
            memcpy(*buf + o, in + e, b2 - e), o += b2 - e;
            memcpy(*buf + o, in + b, e - b), o += e - b;
            memcpy(*buf + o, in + e2, len - e2), o += len - e2;
            n = o;
            *desc = "fallback_swap_lines";
            break;
        }
        case 3: { /* insert a token */
            const char *t = tokens[below(rng, sizeof tokens / sizeof tokens[0])];
            b = below(rng, len + 1);
            n = splice(in, len, b, b, t, strlen(t), max_size, buf, cap);
            *desc = "fallback_insert_token";
            break;
        }
        case 4: { /* replace a number */
            static const char *const nums[] = {"0", "1", "-1", "255", "65536", "2147483647",
                                               "4294967295u", "0x80000000", "1e308", "077"};
            size_t start = below(rng, len + 1), i = start;
            while (i < len && !(in[i] >= '0' && in[i] <= '9'))
                i++;
            if (i >= len)
                continue;
            e = i;
            while (e < len && ((in[e] >= '0' && in[e] <= '9') || in[e] == 'x' || in[e] == 'u' ||
                               in[e] == 'l' || in[e] == 'U' || in[e] == 'L'))
                e++;
            const char *v = nums[below(rng, sizeof nums / sizeof nums[0])];
            n = splice(in, len, i, e, v, strlen(v), max_size, buf, cap);
            *desc = "fallback_replace_number";
            break;
        }
        default: /* delete a short span */
            if (len == 0)
                continue;
            b = below(rng, len);
            e = b + 1 + below(rng, 16);
            if (e > len)
                e = len;
            n = splice(in, len, b, e, "", 0, max_size, buf, cap);
            *desc = "fallback_delete_span";
            break;
        }
        if (n > 0 && !(n == len && memcmp(*buf, in, len) == 0))
            return n;
    }
    /* last resort: drop the last byte, or write a token into an empty input */
    *desc = "fallback_last_resort";
    if (len > 0) {
        size_t n = len - 1 < max_size ? len - 1 : max_size;
        if (n == 0) {
            if (reserve(buf, cap, 2))
                return 0;
            (*buf)[0] = in[0] == ';' ? '}' : ';';
            return 1;
        }
        if (reserve(buf, cap, n + 1))
            return 0;
        memcpy(*buf, in, n);
        return n;
    }
    if (reserve(buf, cap, 2))
        return 0;
    (*buf)[0] = ';';
    return 1;
}
