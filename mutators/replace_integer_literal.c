/*
 * replace_integer_literal - replace an integer literal with an interesting
 * value (boundaries, small numbers, the old value plus or minus one).
 *
 *   before:  for (i = 0; i < 10; i++)      after:  for (i = 0; i < 65535; i++)
 *
 * The suffix (u, l, ll...) is kept, negative values are parenthesised.
 * Literals where an integer constant expression must have a particular value
 * are not sites: case labels, array sizes, designators, enum values,
 * bit-field widths, _Static_assert, a 0 used as a null pointer, arguments of
 * __builtin functions, and divisors inside static initialisers.
 */
#include "mutsmith.h"

#include <string.h>

/* 0: run time, 1: integer constant expression, 2: static initialiser */
static int const_ctx(ms_ctx *ctx, const ms_node *n)
{
    const char *src = ms_source(ctx, NULL);
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        unsigned i = c->begin;
        while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t' || src[i - 1] == '\n'))
            i--;
        if (((i > p->begin && src[i - 1] == '[') ||
             (i > p->begin + 2 && !strncmp(src + i - 3, "...", 3))) &&
            p->kind != CXCursor_ArraySubscriptExpr)
            return 1; /* array size or designator */
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) != c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            if (clang_Range_isNull(r) || b != c->begin)
                return 1;
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            return (p->parent < 0 || sc == CX_SC_Static || sc == CX_SC_Extern) ? 2 : 0;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 1;
        if (clang_isStatement(p->kind))
            return 0;
    }
    return 1;
}

static int bad_position(ms_ctx *ctx, const ms_node *n, int in_static)
{
    const ms_node *c = n, *p = ms_parent(ctx, n);
    for (; p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr);
         c = p, p = ms_parent(ctx, p))
        if (ms_classify(clang_getCursorType(p->cursor)) == MS_T_POINTER)
            return 1; /* a null pointer constant */
    if (p && p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__builtin", 9))
        return 1;
    for (; in_static && p && !clang_isDeclaration(p->kind); c = p, p = ms_parent(ctx, p)) {
        ms_op op; /* a zero divisor is an error in a static initialiser */
        if (p->kind == CXCursor_BinaryOperator && ms_child(ctx, p, 1) == c &&
            !ms_operator(ctx, p, &op) && (!strcmp(op.spelling, "/") || !strcmp(op.spelling, "%")))
            return 1;
    }
    return 0;
}

/* Parse the literal: value, and the offset of its suffix; 0 when unusable. */
static int parse(const char *t, unsigned long long *v, size_t *suffix, int *hex)
{
    unsigned base = 10;
    size_t i = 0;
    *v = 0;
    *hex = 0;
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
        base = 16, i = 2, *hex = 1;
    else if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B'))
        base = 2, i = 2;
    else if (t[0] == '0')
        base = 8;
    for (;; i++) {
        char ch = t[i];
        unsigned d = ch >= '0' && ch <= '9'   ? (unsigned)(ch - '0')
                     : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
                     : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                                              : 99;
        if (d >= base)
            break;
        *v = *v * base + d;
    }
    *suffix = i;
    for (; t[i]; i++)
        if (!strchr("uUlL", t[i]))
            return 0;
    return *suffix > 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_IntegerLiteral)
        return 0;
    unsigned long long v;
    size_t sfx;
    int hex, cc = const_ctx(ctx, n);
    return cc != 1 && parse(ms_text(ctx, n), &v, &sfx, &hex) && !bad_position(ctx, n, cc == 2);
}

static int mutate(ms_ctx *ctx)
{
    static const unsigned long long fixed[] = {
        0, 1, 2, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
        2147483647, 2147483648ull, 4294967295ull, 4294967296ull, 9223372036854775807ull};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *text = ms_text(ctx, sites[k]);
    unsigned long long v, nv;
    size_t sfx;
    int hex, neg;
    if (!parse(text, &v, &sfx, &hex))
        return MS_ERROR;
    do {
        neg = 0;
        unsigned r = ms_rand(ctx, 8);
        if (r == 0 && v > 0 && v < ~0ull)
            nv = v + 1;
        else if (r == 1 && v > 0)
            nv = v - 1;
        else if (r == 2 && v > 0 && v < (1ull << 62))
            nv = v * 2;
        else if (r == 3)
            nv = v > 0 && v < (1ull << 62) ? v : 1, neg = 1;
        else
            nv = fixed[ms_rand(ctx, sizeof fixed / sizeof fixed[0])];
    } while (nv == v && !neg);
    const char *digits = hex || nv > 9223372036854775807ull ? ms_printf(ctx, "0x%llx", nv)
                                                            : ms_printf(ctx, "%llu", nv);
    const char *t = ms_printf(ctx, neg ? "(-%s%s)" : "%s%s", digits, text + sfx);
    return ms_replace_node(ctx, sites[k], t);
}

MS_MUTATOR(replace_integer_literal,
           "Replace an integer literal with a boundary or nearby value, keeping its suffix.", 0);
