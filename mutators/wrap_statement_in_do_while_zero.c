/*
 * wrap_statement_in_do_while_zero - wrap a statement in do { ... } while (0);
 *
 *   before:  if (x) y = 1; else y = 2;
 *   after:   if (x) do { y = 1; } while (0); else y = 2;
 *
 * The loop runs its body once, and a do-while is one statement, so it fits
 * in a block and as the body of if/else, loops, labels and cases. Sites are
 * plain statements (no declaration, empty statement or label) ending with
 * their own ';' or '}', not the value of a statement expression, holding no
 * break or continue that targets a statement outside them (it would bind to
 * the new loop instead).
 */
#include "mutsmith.h"

/* Does a break or continue inside n jump out of n? */
static int jumps_out(ms_ctx *ctx, const ms_node *n)
{
    int first = ms_node_index(ctx, n), end = ms_subtree_end(ctx, n);
    for (int i = first; i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->kind != CXCursor_BreakStmt && d->kind != CXCursor_ContinueStmt)
            continue;
        const ms_node *t = ms_jump_target(ctx, d);
        if (!t || ms_node_index(ctx, t) < first)
            return 1;
    }
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return ms_is_plain_statement(n) && ms_stmt_position(ctx, n) != MS_POS_NONE &&
           ms_stmt_is_whole(ctx, n) && !jumps_out(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    if (ms_insert(ctx, s->begin, "do { ") != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, s), " } while (0);");
}

MS_MUTATOR(wrap_statement_in_do_while_zero,
           "Wrap a statement without outward break or continue in do { ... } while (0);.", 0);
