/*
 * remove_else_branch - drop the else part of an if statement.
 *
 *   before:  if (a < b) x = 1; else y = 2;      after:  if (a < b) x = 1;
 *
 * Else branches that contain a label are left alone: a goto elsewhere may
 * jump to it.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_IfStmt || n->nchildren != 3)
        return 0;
    const ms_node *then = ms_child(ctx, n, 1), *els = ms_child(ctx, n, 2);
    return ms_editable(ctx, then) && ms_editable(ctx, els) && ms_stmt_is_whole(ctx, then) &&
           ms_stmt_is_whole(ctx, els) && !ms_subtree_has(ctx, els, CXCursor_LabelStmt) &&
           ms_stmt_end(ctx, then) <= els->begin;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *then = ms_child(ctx, sites[k], 1), *els = ms_child(ctx, sites[k], 2);
    return ms_remove(ctx, ms_stmt_end(ctx, then), ms_stmt_end(ctx, els));
}

MS_MUTATOR(remove_else_branch, "Remove the else branch of an if statement.", 0);
