/*
 * commute_array_subscript - rewrite a[i] as i[a]: C defines E1[E2] as
 * *((E1) + (E2)), so the commuted form is the same lvalue of the same type.
 *
 *   before:  s += v[k + 1];      after:  s += (k + 1)[v];
 *
 * Only subscripts whose base is a pointer or an array are sites (GNU vector
 * types allow v[i] but not i[v]).
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_ArraySubscriptExpr || n->nchildren != 2)
        return 0;
    const ms_node *base = ms_child(ctx, n, 0), *idx = ms_child(ctx, n, 1);
    if (!base || !idx || !ms_editable(ctx, base) || !ms_editable(ctx, idx))
        return 0;
    ms_tclass c = ms_classify(clang_getCursorType(base->cursor));
    return c == MS_T_POINTER || c == MS_T_ARRAY;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *base = ms_child(ctx, sites[k], 0), *idx = ms_child(ctx, sites[k], 1);
    char *text = ms_printf(ctx, "(%s)[%s]", ms_text(ctx, idx), ms_text(ctx, base));
    if (ms_replace_node(ctx, sites[k], text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(commute_array_subscript,
           "Rewrite an array subscript a[i] as the equivalent commuted form i[a].", 0);
