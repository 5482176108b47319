/*
 * negate_if_condition - negate the condition of an if statement.
 *
 *   before:  if (a < b) x = 1;      after:  if (!(a < b)) x = 1;
 *
 * The parentheses of the header are found in the source text (not through
 * the condition's extent), so conditions built from macros are handled too;
 * `!(...)` is valid for every scalar condition.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    return n->kind == CXCursor_IfStmt && ms_paren_range(ctx, n, &lp, &rp) == 0 && rp > lp + 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned lp, rp;
    if (ms_paren_range(ctx, sites[k], &lp, &rp) != 0)
        return MS_ERROR;
    if (ms_insert(ctx, lp + 1, "!(") != MS_MUTATED || ms_insert(ctx, rp, ")") != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(negate_if_condition, "Negate the condition of an if statement.", 0);
