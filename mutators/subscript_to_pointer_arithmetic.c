/*
 * subscript_to_pointer_arithmetic - rewrite an array subscript as pointer
 * arithmetic and a dereference, or the other way round.
 *
 *   before:  s += a[i];  x = *(p + 2);  y = *q;
 *   after:   s += (*((a) + (i)));  x = (p)[2];  y = (q)[0];
 *
 * a[i] is by definition *((a) + (i)), so the rewrite keeps meaning and
 * validity (also as an lvalue or under &). The reverse direction takes *e
 * where e is p + i, p - i or just p, with p a pointer (or array) to a
 * complete object type; the result is a postfix expression, which binds at
 * least as tightly as the unary * it replaces.
 */
#include "mutsmith.h"

#include <string.h>

static const ms_node *strip_parens(ms_ctx *ctx, const ms_node *n)
{
    while (n && (n->kind == CXCursor_ParenExpr ||
                 (n->kind == CXCursor_UnexposedExpr && n->nchildren == 1 &&
                  ms_child(ctx, n, 0)->begin == n->begin && ms_child(ctx, n, 0)->end == n->end)))
        n = ms_child(ctx, n, 0);
    return n;
}

static int is_ptr(const ms_node *n)
{
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    return k == MS_T_POINTER || k == MS_T_ARRAY;
}

static int is_int(const ms_node *n)
{
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    return k == MS_T_INT || k == MS_T_ENUM;
}

/* For *(p + i) / *(p - i): the + or - node, or NULL. */
static const ms_node *deref_sum(ms_ctx *ctx, const ms_node *n, const char **op)
{
    const ms_node *e = strip_parens(ctx, ms_child(ctx, n, 0));
    ms_op o;
    if (!e || e->kind != CXCursor_BinaryOperator || ms_operator(ctx, e, &o))
        return NULL;
    const ms_node *l = ms_child(ctx, e, 0), *r = ms_child(ctx, e, 1);
    *op = o.spelling;
    if (!strcmp(o.spelling, "+") && ((is_ptr(l) && is_int(r)) || (is_int(l) && is_ptr(r))))
        return e;
    return !strcmp(o.spelling, "-") && is_ptr(l) && is_int(r) ? e : NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    ms_op op;
    if (n->kind == CXCursor_ArraySubscriptExpr) {
        if (n->nchildren != 2 || !(is_ptr(ms_child(ctx, n, 0)) || is_ptr(ms_child(ctx, n, 1))))
            return 0;
    } else if (n->kind != CXCursor_UnaryOperator || n->nchildren != 1 || ms_operator(ctx, n, &op) ||
               strcmp(op.spelling, "*") != 0 || !is_ptr(ms_child(ctx, n, 0))) {
        return 0;
    }
    /* an incomplete or function type cannot be subscripted */
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    return clang_Type_getSizeOf(clang_getCursorType(n->cursor)) > 0 && k != MS_T_FUNCTION &&
           k != MS_T_VOID && k != MS_T_OTHER;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    if (s->kind == CXCursor_ArraySubscriptExpr) {
        const ms_node *base = ms_child(ctx, s, 0), *idx = ms_child(ctx, s, 1);
        return ms_replace_node(
            ctx, s, ms_printf(ctx, "(*((%s) + (%s)))", ms_text(ctx, base), ms_text(ctx, idx)));
    }
    const char *op = NULL;
    const ms_node *sum = deref_sum(ctx, s, &op);
    if (!sum)
        return ms_replace_node(ctx, s,
                               ms_printf(ctx, "(%s)[0]", ms_text(ctx, ms_child(ctx, s, 0))));
    const ms_node *l = ms_child(ctx, sum, 0), *r = ms_child(ctx, sum, 1);
    if (!is_ptr(l)) { /* *(i + p) */
        const ms_node *t = l;
        l = r, r = t;
    }
    return ms_replace_node(
        ctx, s,
        ms_printf(ctx, *op == '-' ? "(%s)[-(%s)]" : "(%s)[%s]", ms_text(ctx, l), ms_text(ctx, r)));
}

MS_MUTATOR(subscript_to_pointer_arithmetic,
           "Rewrite a[i] as *((a) + (i)), or *(p + i) and *p as (p)[i] and (p)[0].", 0);
