/*
 * wrap_condition_in_builtin_expect - wrap the controlling condition of an
 * if, while, do-while, for or ?: in __builtin_expect(!!(cond), 0 or 1).
 *
 *   before:  if (p && n > 0) f();
 *   after:   if (__builtin_expect(!!(p && n > 0), 0)) f();
 *
 * !! turns every scalar condition into an int 0/1, so the hint is valid for
 * pointer and floating conditions too and the truth value is unchanged.
 * Statement conditions are found through the header's parentheses (for a
 * for loop: between its two top-level ';'), so macro conditions work; an
 * empty for condition is not a site. Ternaries are sites only where they
 * are evaluated at run time (not in case labels, array sizes, static or
 * file-scope initialisers, enum values, bit-field widths, _Static_assert).
 */
#include "mutsmith.h"

#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int at_run_time(ms_ctx *ctx, const ms_node *n)
{
    if (!ms_enclosing_function(ctx, n))
        return 0;
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) == c;
        if (p->kind == CXCursor_VarDecl) {
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            if (sc == CX_SC_Static || sc == CX_SC_Extern)
                return 0;
            if (clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(p->cursor)))
                return 0;
            return ms_child(ctx, p, p->nchildren - 1) == c;
        }
        if (clang_isDeclaration(p->kind))
            return 0;
        if (clang_isStatement(p->kind))
            return 1;
    }
    return 0;
}

/* The condition's source range [*b, *e), trimmed; 0 or -1. */
static int cond_range(ms_ctx *ctx, const ms_node *n, unsigned *b, unsigned *e)
{
    const char *s = ms_source(ctx, NULL);
    if (n->kind == CXCursor_ConditionalOperator) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (n->nchildren != 3 || !c || !ms_editable(ctx, c) || !at_run_time(ctx, n))
            return -1;
        *b = c->begin;
        *e = c->end;
        return *b < *e ? 0 : -1;
    }
    unsigned lp, rp;
    if (ms_paren_range(ctx, n, &lp, &rp) != 0 || rp <= lp)
        return -1;
    *b = lp + 1;
    *e = rp;
    if (n->kind == CXCursor_ForStmt) {
        unsigned at[2];
        if (ms_top_level_chars(ctx, lp + 1, rp, ';', at, 2) != 2)
            return -1;
        *b = at[0] + 1;
        *e = at[1];
    }
    while (*b < *e && is_space(s[*b]))
        (*b)++;
    while (*e > *b && is_space(s[*e - 1]))
        (*e)--;
    if (*b >= *e || s[*b] == '/') /* empty, or starts with a comment */
        return -1;
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned b, e;
    switch (n->kind) {
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_ForStmt:
    case CXCursor_ConditionalOperator:
        return cond_range(ctx, n, &b, &e) == 0;
    default:
        return 0;
    }
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned b, e;
    if (cond_range(ctx, sites[k], &b, &e) != 0)
        return MS_ERROR;
    char *text =
        ms_printf(ctx, "__builtin_expect(!!(%s), %u)", ms_text_range(ctx, b, e), ms_rand(ctx, 2));
    if (ms_replace(ctx, b, e, text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(wrap_condition_in_builtin_expect,
           "Wrap the controlling condition of an if, while, do, for or ?: in "
           "__builtin_expect(!!(cond), 0 or 1) as a branch-prediction hint.",
           0);
