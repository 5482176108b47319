/*
 * swap_if_else_branches - swap the branches of an if-else and negate its
 * condition.
 *
 *   before:  if (a < b) x = 1; else y = 2;
 *   after:   if (!(a < b)) { y = 2; } else x = 1;
 *
 * Only if statements with an else are sites. The new then-branch is braced
 * unless it already is a block, so an else-less if moved there (an `else if`
 * chain) cannot capture the else.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    const ms_node *then = ms_child(ctx, n, 1), *els = ms_child(ctx, n, 2);
    return n->kind == CXCursor_IfStmt && n->nchildren == 3 && ms_editable(ctx, then) &&
           ms_editable(ctx, els) && ms_stmt_is_whole(ctx, then) && ms_stmt_is_whole(ctx, els) &&
           ms_paren_range(ctx, n, &lp, &rp) == 0 && rp > lp + 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *then = ms_child(ctx, sites[k], 1), *els = ms_child(ctx, sites[k], 2);
    unsigned lp, rp, then_end = ms_stmt_end(ctx, then), else_end = ms_stmt_end(ctx, els);
    if (ms_paren_range(ctx, sites[k], &lp, &rp) != 0 || then_end > els->begin)
        return MS_ERROR;
    char *then_text = ms_text_range(ctx, then->begin, then_end);
    char *else_text = ms_text_range(ctx, els->begin, else_end);
    if (els->kind != CXCursor_CompoundStmt)
        else_text = ms_printf(ctx, "{ %s }", else_text);
    if (ms_insert(ctx, lp + 1, "!(") != MS_MUTATED || ms_insert(ctx, rp, ")") != MS_MUTATED ||
        ms_replace(ctx, then->begin, then_end, else_text) != MS_MUTATED ||
        ms_replace(ctx, els->begin, else_end, then_text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_if_else_branches,
           "Swap the then and else branches of an if statement and negate its condition.", 0);
