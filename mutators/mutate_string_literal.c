/*
 * mutate_string_literal - change the contents of a string literal: empty it,
 * duplicate it, or replace, insert or delete one character or escape.
 *
 *   before:  puts("hello");      after:  puts("hel\377lo");
 *
 * The literal stays well-formed: the prefix (L u U u8) is kept, inserted
 * characters are never hex digits and inserted escapes are complete (\n,
 * \177), so they cannot merge with a neighbouring \x or octal escape, and a
 * deletion that would merge two escapes is not done. Strings in
 * _Static_assert, asm statements, attributes and constant-expression
 * contexts (array sizes, case labels) are not sites.
 */
#include "mutsmith.h"

#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_StringLiteral)
        return 0;
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_AsmStmt)
            return 0;
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) == c;
        if (p->kind == CXCursor_VarDecl) { /* the initialiser, not an array size */
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return !clang_Range_isNull(r) && b == c->begin;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 0;
        if (clang_isStatement(p->kind))
            return 1;
    }
    return 0;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the character or escape sequence at s. */
static size_t unit_len(const char *s)
{
    size_t n = 1;
    if (s[0] != '\\') {
        if ((unsigned char)s[0] >= 0xC0) /* a whole UTF-8 sequence */
            while ((s[n] & 0xC0) == 0x80)
                n++;
        return n;
    }
    if (s[1] == 'x') {
        for (n = 2; is_hex(s[n]); n++)
            ;
        return n;
    }
    if (s[1] >= '0' && s[1] <= '7') {
        for (n = 2; n < 4 && s[n] >= '0' && s[n] <= '7'; n++)
            ;
        return n;
    }
    if (s[1] == 'u' || s[1] == 'U')
        return s[1] == 'u' ? 6 : 10;
    return s[1] == '\r' && s[2] == '\n' ? 3 : 2;
}

/* Would the escape u (of length ulen) absorb a following character c? */
static int would_merge(const char *u, size_t ulen, char c)
{
    if (u[0] != '\\')
        return 0;
    if (u[1] == 'x')
        return is_hex(c);
    return u[1] >= '0' && u[1] <= '7' && ulen < 4 && c >= '0' && c <= '7';
}

static int mutate(ms_ctx *ctx)
{
    static const char *const units[] = {"z",     " ",     "%",     "Z",    "_",    "\\n", "\\t",
                                        "\\000", "\\177", "\\377", "\\\\", "\\\"", "'"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    /* the string tokens written in the file (a literal may be "a" MACRO "b") */
    size_t srclen;
    const char *src = ms_source(ctx, &srclen);
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(sites[k]->cursor);
    CXToken *toks = NULL;
    unsigned ntok = 0, tb[64], te[64];
    int nlit = 0;
    clang_tokenize(tu, clang_getCursorExtent(sites[k]->cursor), &toks, &ntok);
    for (unsigned i = 0; i < ntok && nlit < 64; i++) {
        CXSourceRange r = clang_getTokenExtent(tu, toks[i]);
        unsigned b = 0, e = 0;
        clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
        clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &e);
        if (clang_getTokenKind(toks[i]) == CXToken_Literal && b >= sites[k]->begin &&
            e <= sites[k]->end && e > b + 1 && e <= srclen && src[e - 1] == '"')
            tb[nlit] = b, te[nlit++] = e;
    }
    if (toks)
        clang_disposeTokens(tu, toks, ntok);
    if (nlit == 0)
        return MS_SKIP;
    int t = (int)ms_rand(ctx, (unsigned)nlit);
    const char *tok = ms_text_range(ctx, tb[t], te[t]);
    size_t q = (size_t)(strchr(tok, '"') - tok), len = strlen(tok);
    const char *prefix = ms_text_range(ctx, tb[t], tb[t] + (unsigned)q);
    char *body = ms_text_range(ctx, tb[t] + (unsigned)q + 1, te[t] - 1);
    size_t starts[512], blen = strlen(body), i = 0;
    int nu = 0;
    if (len - q - 2 != blen)
        return MS_SKIP; /* a NUL byte in the source */
    for (; i < blen && nu < 511; nu++) {
        starts[nu] = i;
        i += unit_len(body + i);
    }
    starts[nu] = i < blen ? i : blen;
    const char *u = units[ms_rand(ctx, sizeof units / sizeof units[0])];
    unsigned op = nu == 0 ? 1 + 2 * ms_rand(ctx, 2) : ms_rand(ctx, 5);
    int x = (int)ms_rand(ctx, (unsigned)nu + (op == 3));
    if (op == 4 && x > 0 &&
        would_merge(body + starts[x - 1], starts[x] - starts[x - 1], body[starts[x + 1]]))
        op = 2; /* deleting would merge two escapes: replace instead */
    const char *repl;
    if (op == 0)
        repl = ms_printf(ctx, "%s\"\"", prefix);
    else if (op == 1)
        repl = ms_printf(ctx, "%s\"%s\" %s\"%s\"", prefix, body, prefix, body);
    else
        repl = ms_printf(ctx, "%s\"%.*s%s%s\"", prefix, (int)starts[x], body, op == 4 ? "" : u,
                         body + (op == 3 ? starts[x] : starts[x + 1]));
    return ms_replace(ctx, tb[t], te[t], repl);
}

MS_MUTATOR(mutate_string_literal,
           "Empty, duplicate, or change one character or escape of a string literal.", 0);
