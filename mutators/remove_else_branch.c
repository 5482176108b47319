/*
 * remove_else_branch - drop the else part of an if statement.
 *
 *   before:  if (a < b) x = 1; else y = 2;      after:  if (a < b) x = 1;
 *
 * Else branches that contain a label are left alone: a goto elsewhere may
 * jump to it.
 */
#include "mutsmith.h"

static int has_label(ms_ctx *ctx, const ms_node *n)
{
    int total = ms_node_count(ctx);
    for (int i = ms_node_index(ctx, n); i < total; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (i > ms_node_index(ctx, n) && d->depth <= n->depth)
            break;
        if (d->kind == CXCursor_LabelStmt)
            return 1;
    }
    return 0;
}

/* Does statement n end with its own ';' or '}' (not one from a macro)? */
static int whole(ms_ctx *ctx, const ms_node *n)
{
    unsigned e = ms_stmt_end(ctx, n);
    char c = e > n->begin ? ms_source(ctx, NULL)[e - 1] : 0;
    return c == ';' || c == '}';
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_IfStmt || n->nchildren != 3)
        return 0;
    const ms_node *then = ms_child(ctx, n, 1), *els = ms_child(ctx, n, 2);
    return ms_editable(ctx, then) && ms_editable(ctx, els) && whole(ctx, then) &&
           whole(ctx, els) && !has_label(ctx, els) &&
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
