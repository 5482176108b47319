/*
 * convert_integer_literal_base - write an integer literal in another base:
 * decimal, hexadecimal (0x..), octal (0..) or binary (0b.., a GNU and C23
 * form clang accepts), keeping its suffix.
 *
 *   before:  mask = 255u;      after:  mask = 0xffu;   (or 0377u, 0b11111111u)
 *
 * The value never changes. The type of an unsuffixed or L-suffixed literal
 * may depend on its base (a hex 0x80000000 is unsigned int, a decimal
 * 2147483648 is long), so without a U suffix only values up to INT_MAX (up
 * to LLONG_MAX with an L suffix) qualify; with a U suffix every value keeps
 * its type. Literals with digit separators, other suffixes or from macros
 * are not sites. A hex result ending in e is not written before a + or -
 * (0xe+1 would lex as one preprocessing number).
 */
#include "mutsmith.h"

#include <string.h>

struct lit {
    unsigned long long v;
    unsigned base;
    size_t sfx; /* offset of the suffix in the text */
};

static int digit_of(char ch)
{
    return ch >= '0' && ch <= '9'   ? ch - '0'
           : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                    : 99;
}

/* Parse text into *L; 0 when unusable. */
static int parse(const char *t, struct lit *L)
{
    size_t i = 0;
    int nu = 0, nl = 0;
    L->v = 0;
    L->base = 10;
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        L->base = 16, i = 2;
    else if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B'))
        L->base = 2, i = 2;
    else if (t[0] == '0')
        L->base = 8;
    size_t first = i;
    for (;; i++) {
        int d = digit_of(t[i]);
        if (d >= (int)L->base)
            break;
        if (L->v > (~0ull - (unsigned)d) / L->base)
            return 0; /* too large */
        L->v = L->v * L->base + (unsigned)d;
    }
    if (i == first)
        return 0;
    L->sfx = i;
    for (; t[i]; i++) {
        if (t[i] == 'u' || t[i] == 'U')
            nu++;
        else if (t[i] == 'l' || t[i] == 'L')
            nl++;
        else
            return 0;
    }
    if (nu > 1 || nl > 2)
        return 0;
    if (nu)
        return 1;
    return nl ? L->v <= 0x7fffffffffffffffull : L->v <= 0x7fffffffull;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    struct lit L;
    return n->kind == CXCursor_IntegerLiteral && n->end > n->begin &&
           parse(ms_text(ctx, n), &L);
}

static char *in_base(ms_ctx *ctx, unsigned long long v, unsigned base, int upper)
{
    char digits[80];
    int n = 0;
    do {
        unsigned d = (unsigned)(v % base);
        digits[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
        v /= base;
    } while (v);
    char out[90];
    int o = 0;
    if (base == 16)
        out[o++] = '0', out[o++] = upper ? 'X' : 'x';
    else if (base == 2)
        out[o++] = '0', out[o++] = upper ? 'B' : 'b';
    else if (base == 8)
        out[o++] = '0';
    while (n > 0)
        out[o++] = digits[--n];
    out[o] = 0;
    return ms_strdup(ctx, out);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *text = ms_text(ctx, s);
    struct lit L;
    if (!parse(text, &L))
        return MS_ERROR;
    const char *src = ms_source(ctx, NULL);
    char next = src[s->end];
    static const unsigned bases[] = {10, 16, 8, 2};
    int upper = ms_chance(ctx, 1, 4);
    const char *cand[4];
    int nc = 0;
    for (int i = 0; i < 4; i++) {
        if (bases[i] == 16 && L.sfx == strlen(text) && (next == '+' || next == '-') &&
            ((L.v & 15) == 14))
            continue;
        const char *digits = bases[i] == 8 && L.v == 0 ? "00" : in_base(ctx, L.v, bases[i], upper);
        const char *repl = ms_printf(ctx, "%s%s", digits, text + L.sfx);
        if (strcmp(repl, text) != 0)
            cand[nc++] = repl;
    }
    if (nc == 0)
        return MS_SKIP;
    const char *repl = cand[ms_rand(ctx, (unsigned)nc)];
    return ms_replace_node(ctx, s, repl);
}

MS_MUTATOR(convert_integer_literal_base,
           "Rewrite an integer literal in another base (decimal, hex, octal or binary) keeping "
           "its value, suffix and type.",
           0);
