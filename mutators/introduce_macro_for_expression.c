/*
 * introduce_macro_for_expression - move an expression into a new
 * object-like macro defined before the enclosing top-level declaration,
 * and use the macro in its place.
 *
 *   before:  int area(int w, int h)          after:  #define MS_EXPR_1 (w * h)
 *            {                                       int area(int w, int h)
 *                return w * h;                       {
 *            }                                           return MS_EXPR_1;
 *                                                    }
 *
 * A macro expands where it is used, so names in the expression (locals,
 * parameters, macros) resolve exactly as before, and a parenthesised
 * expression has the type, value and lvalue-ness of the expression: an
 * integer constant expression stays one, a 0 stays a null pointer
 * constant. Sites exclude initialiser lists and designators (no parentheses
 * allowed), strings in asm statements or _Static_assert, the callee of a
 * __builtin call, and expressions whose text holds a newline, a comment, a
 * # or a backslash (they could not sit in a one-line #define).
 */
#include "mutsmith.h"

#include <string.h>

static int is_ident(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

static int same_range(const ms_node *a, const ms_node *b)
{
    return a && b && a->begin == b->begin && a->end == b->end;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (!clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr || n->parent < 0)
        return 0;
    const char *t = ms_text(ctx, n);
    if (t[0] == '.' || t[0] == '[' || t[0] == '{' || strpbrk(t, "\n\r#\\") || strstr(t, "/*") ||
        strstr(t, "//"))
        return 0;
    const ms_node *top = ms_enclosing_toplevel(ctx, n);
    if (!top || top->in_macro)
        return 0;
    /* the innermost node with the same range: a string literal? */
    const ms_node *in = n;
    while (in->nchildren > 0 && same_range(ms_child(ctx, in, 0), n))
        in = ms_child(ctx, in, 0);
    int is_string = in->kind == CXCursor_StringLiteral || in->kind == CXCursor_InitListExpr;
    if (in->kind == CXCursor_InitListExpr)
        return 0;
    const ms_node *c = n, *p = ms_parent(ctx, n);
    if (!p || (same_range(p, n) && clang_isExpression(p->kind)))
        return 0; /* the outermost of nodes sharing a range is the site */
    while (p && same_range(p, n))
        c = p, p = ms_parent(ctx, p);
    if (!p)
        return 0;
    if (p->kind == CXCursor_CallExpr && c->begin == p->begin &&
        !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
        return 0; /* a builtin must be called directly */
    for (const ms_node *a = p; a; a = ms_parent(ctx, a)) {
        if (clang_isAttribute(a->kind))
            return 0;
        if (is_string && (a->kind == CXCursor_AsmStmt || a->kind == CXCursor_StaticAssert))
            return 0;
        if (clang_isStatement(a->kind) && a->kind != CXCursor_AsmStmt)
            break;
    }
    return !is_string || p->kind != CXCursor_StaticAssert;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = sites[k];
    const char *name = ms_fresh_name(ctx, "MS_EXPR");
    if (ms_insert_before_toplevel(ctx, e,
                                  ms_printf(ctx, "\n#define %s (%s)\n", name, ms_text(ctx, e))) !=
        MS_MUTATED)
        return MS_ERROR;
    const char *src = ms_source(ctx, NULL);
    size_t len;
    ms_source(ctx, &len);
    const char *pre = e->begin > 0 && is_ident(src[e->begin - 1]) ? " " : "";
    const char *post = e->end < len && is_ident(src[e->end]) ? " " : "";
    return ms_replace_node(ctx, e, ms_printf(ctx, "%s%s%s", pre, name, post));
}

MS_MUTATOR(introduce_macro_for_expression,
           "Define a new object-like macro for an expression before its top-level declaration "
           "and use the macro in place of the expression.",
           0);
