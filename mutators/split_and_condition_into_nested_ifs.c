/*
 * split_and_condition_into_nested_ifs - split `if (a && b) s` (no else)
 * into `if (a) if (b) s`.
 *
 * Only the && operator token is rewritten to ") if (", so the outer
 * parentheses of the header close `a` and open `b`. Short-circuit order is
 * kept. Ifs with an else are skipped (the else would change owner).
 */
#include "mutsmith.h"
#include <string.h>

static const ms_node *and_condition(ms_ctx *ctx, const ms_node *ifs)
{
    if (ifs->kind != CXCursor_IfStmt || ifs->nchildren != 2)
        return NULL;
    const ms_node *c = ms_child(ctx, ifs, 0);
    while (c && c->kind == CXCursor_UnexposedExpr && c->nchildren == 1)
        c = ms_child(ctx, c, 0);
    if (!c || c->kind != CXCursor_BinaryOperator || c->nchildren != 2)
        return NULL;
    ms_op op;
    if (ms_operator(ctx, c, &op) != 0 || strcmp(op.spelling, "&&") != 0)
        return NULL;
    unsigned lp, rp;
    if (ms_paren_range(ctx, ifs, &lp, &rp) != 0 || op.begin <= lp || op.end >= rp)
        return NULL;
    if (!ms_editable(ctx, c) || !ms_editable(ctx, ms_child(ctx, c, 0)) ||
        !ms_editable(ctx, ms_child(ctx, c, 1)))
        return NULL;
    return c;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return and_condition(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *c = and_condition(ctx, sites[k]);
    ms_op op;
    if (!c || ms_operator(ctx, c, &op) != 0)
        return MS_ERROR;
    return ms_replace(ctx, op.begin, op.end, ") if (");
}

MS_MUTATOR(
    split_and_condition_into_nested_ifs,
    "Rewrite an if without else whose condition is a && b as two nested ifs, if (a) if (b) body.",
    0);
