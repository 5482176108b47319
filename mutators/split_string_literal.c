/*
 * split_string_literal - split a string literal into two adjacent literals
 * that concatenate to the same string.
 *
 *   before:  puts("hello");      after:  puts("hel" "lo");
 *            wchar_t *w = L"ab";         wchar_t *w = L"a" L"b";
 *
 * Adjacent string literals are concatenated in translation phase 6, after
 * escapes are resolved, so the array keeps its contents and size. The cut
 * lies only between two plain printable ASCII characters (never next to a
 * backslash, inside a UTF-8 sequence, or next to a ? that could form a
 * trigraph), and the prefix (L u U u8) is repeated on both parts. Strings
 * in asm statements and raw or macro-made literals are not sites.
 */
#include "mutsmith.h"

#include <string.h>

static int plain(char c)
{
    return c >= 0x20 && c < 0x7f && c != '\\' && c != '"' && c != '?';
}

/* Offset of the first '"' of the token [b, e) when it is a usable string literal, else 0. */
static unsigned body_start(const char *s, unsigned b, unsigned e)
{
    unsigned q = b;
    while (q < e && q < b + 3 && (s[q] == 'L' || s[q] == 'u' || s[q] == 'U' || s[q] == '8'))
        q++;
    if (q >= e || s[q] != '"' || e < q + 2 || s[e - 1] != '"')
        return 0;
    return q;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the escape sequence at s (s[0] is a backslash), not past end. */
static unsigned escape_len(const char *s, const char *end)
{
    unsigned n = 2;
    if (s + 1 >= end)
        return 1;
    if (s[1] == 'x')
        while (s + n < end && is_hex(s[n]))
            n++;
    else if (s[1] >= '0' && s[1] <= '7')
        while (n < 4 && s + n < end && s[n] >= '0' && s[n] <= '7')
            n++;
    else if (s[1] == 'u' || s[1] == 'U')
        while (n < (s[1] == 'u' ? 6u : 10u) && s + n < end && is_hex(s[n]))
            n++;
    return n;
}

/* Number of cut points in the literal body (q, e - 1); the one of index want -> *at. */
static int cuts(const char *s, unsigned q, unsigned e, int want, unsigned *at)
{
    int n = 0, prev_plain = 0;
    for (unsigned i = q + 1; i + 1 < e;) {
        if (s[i] == '\\') { /* a whole escape; the char after it is never a cut */
            i += escape_len(s + i, s + e - 1);
            prev_plain = 0;
            continue;
        }
        int p = plain(s[i]);
        if (p && prev_plain) {
            if (n == want && at)
                *at = i;
            n++;
        }
        prev_plain = p;
        i++;
    }
    return n;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_StringLiteral || n->end <= n->begin)
        return 0;
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p))
        if (p->kind == CXCursor_AsmStmt)
            return 0;
    const char *s = ms_source(ctx, NULL);
    /* the literal may be several tokens: offer it when any token can be cut */
    for (unsigned i = n->begin; i < n->end;) {
        unsigned q = body_start(s, i, n->end);
        if (!q)
            return 0;
        unsigned e = q + 1;
        while (e < n->end && s[e] != '"' && s[e] != '\n')
            e += s[e] == '\\' ? 2 : 1;
        if (e >= n->end || s[e] != '"')
            return 0;
        if (cuts(s, q, e + 1, -1, NULL) > 0)
            return 1;
        i = e + 1;
        while (i < n->end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
    }
    return 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *lit = sites[k];
    const char *s = ms_source(ctx, NULL);
    unsigned tb[64], tq[64], te[64];
    int nt = 0;
    for (unsigned i = lit->begin; i < lit->end && nt < 64;) {
        unsigned q = body_start(s, i, lit->end);
        if (!q)
            return MS_SKIP;
        unsigned e = q + 1;
        while (e < lit->end && s[e] != '"' && s[e] != '\n')
            e += s[e] == '\\' ? 2 : 1;
        if (e >= lit->end || s[e] != '"')
            return MS_SKIP;
        if (cuts(s, q, e + 1, -1, NULL) > 0)
            tb[nt] = i, tq[nt] = q, te[nt++] = e + 1;
        i = e + 1;
        while (i < lit->end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
    }
    if (nt == 0)
        return MS_SKIP;
    int t = (int)ms_rand(ctx, (unsigned)nt);
    int nc = cuts(s, tq[t], te[t], -1, NULL);
    unsigned at = 0;
    cuts(s, tq[t], te[t], (int)ms_rand(ctx, (unsigned)nc), &at);
    if (at == 0)
        return MS_ERROR;
    const char *prefix = ms_text_range(ctx, tb[t], tq[t]);
    static const char *const gaps[] = {"\" ", "\"", "\"\n    "};
    return ms_insert(ctx, at, ms_printf(ctx, "%s%s\"", gaps[ms_rand(ctx, 3)], prefix));
}

MS_MUTATOR(split_string_literal,
           "Split a string literal into two adjacent literals with the same prefix that "
           "concatenate to the same string.",
           0);
