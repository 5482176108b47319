/*
 * replace_literal_with_constant_expression - replace an integer literal by a
 * parenthesised constant expression with the same value and type.
 *
 *   before:  int buf[16];  ...  case 10:
 *   after:   int buf[(9 + 7)];  ...  case (5 * 2):
 *            (or (40 >> 2), (16 ^ 0), (~~16), (19 - 3), (3 * 3 + 1) ...)
 *
 * Only literals whose value is at most INT_MAX qualify: every part is then
 * at most INT_MAX too and, written with the literal's own suffix (kept on
 * every part), has the same type as the literal, so no operation overflows
 * and the result type is unchanged. The expression is still an integer
 * constant expression, so case labels, array bounds, bit-field widths,
 * enum values and static initialisers stay valid, and a 0 stays a null
 * pointer constant. Literals from macros and with other suffixes are not
 * sites.
 */
#include "mutsmith.h"

#include <string.h>

/* Value (<= INT_MAX) and suffix offset of an integer literal; 0 when unusable. */
static int parse(const char *t, unsigned long long *v, size_t *sfx)
{
    unsigned base = 10;
    size_t i = 0;
    *v = 0;
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        base = 16, i = 2;
    else if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B'))
        base = 2, i = 2;
    else if (t[0] == '0')
        base = 8;
    size_t first = i;
    for (;; i++) {
        char ch = t[i];
        unsigned d = ch >= '0' && ch <= '9'   ? (unsigned)(ch - '0')
                     : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
                     : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                                              : 99;
        if (d >= base)
            break;
        *v = *v * base + d;
        if (*v > 0x7fffffffull)
            return 0;
    }
    if (i == first)
        return 0;
    *sfx = i;
    int nu = 0, nl = 0;
    for (; t[i]; i++) {
        if (t[i] == 'u' || t[i] == 'U')
            nu++;
        else if (t[i] == 'l' || t[i] == 'L')
            nl++;
        else
            return 0;
    }
    return nu <= 1 && nl <= 2;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned long long v;
    size_t sfx;
    return n->kind == CXCursor_IntegerLiteral && n->end > n->begin &&
           parse(ms_text(ctx, n), &v, &sfx);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *text = ms_text(ctx, sites[k]);
    unsigned long long v;
    size_t sfx_at;
    if (!parse(text, &v, &sfx_at))
        return MS_ERROR;
    const char *s = text + sfx_at;
    const unsigned long long max = 0x7fffffffull;
    const char *repl = NULL;
    while (!repl) {
        switch (ms_rand(ctx, 7)) {
        case 0: { /* A + B */
            unsigned long long a = v ? (unsigned long long)ms_rand(ctx, (unsigned)v + 1) : 0;
            repl = ms_printf(ctx, "(%llu%s + %llu%s)", a, s, v - a, s);
            break;
        }
        case 1: { /* A - B */
            unsigned long long b = 1 + ms_rand(ctx, 100);
            if (v + b <= max)
                repl = ms_printf(ctx, "(%llu%s - %llu%s)", v + b, s, b, s);
            break;
        }
        case 2: { /* Q * d (+ r) */
            unsigned long long d = 2 + ms_rand(ctx, 8), q = v / d, r = v % d;
            repl = r ? ms_printf(ctx, "(%llu%s * %llu%s + %llu%s)", q, s, d, s, r, s)
                     : ms_printf(ctx, "(%llu%s * %llu%s)", q, s, d, s);
            break;
        }
        case 3: { /* M >> k */
            unsigned sh = 1 + ms_rand(ctx, 4);
            if ((v << sh) <= max)
                repl = ms_printf(ctx, "(%llu%s >> %u)", v << sh, s, sh);
            break;
        }
        case 4:
            repl = ms_printf(ctx, "(%llu%s ^ 0%s)", v, s, s);
            break;
        case 5:
            repl = ms_printf(ctx, "(~~%llu%s)", v, s);
            break;
        default:
            repl = ms_printf(ctx, "(%llu%s | %llu%s)", v, s, v & ms_rand(ctx, 256), s);
            break;
        }
    }
    return ms_replace_node(ctx, sites[k], repl);
}

MS_MUTATOR(replace_literal_with_constant_expression,
           "Replace an integer literal by a parenthesised constant expression of the same value "
           "and type, such as a sum, product, shift or double complement.",
           0);
