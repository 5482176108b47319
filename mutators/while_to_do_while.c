/*
 * while_to_do_while - rewrite a while loop as a do-while loop guarded by an
 * if.
 *
 *   before:  while (n > 0) n--;      after:  { if (n > 0) do n--; while (n > 0); }
 *
 * `continue` keeps its meaning (it jumps to the condition in both loops).
 * The condition is evaluated once more on entry, which changes the program
 * only when it has side effects. The result is braced so that an enclosing
 * if-else keeps its else.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    const ms_node *body = ms_child(ctx, n, 1);
    return n->kind == CXCursor_WhileStmt && n->nchildren == 2 && ms_editable(ctx, body) &&
           ms_stmt_is_whole(ctx, body) && ms_paren_range(ctx, n, &lp, &rp) == 0 &&
           rp > lp + 1 && rp < body->begin;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = ms_child(ctx, loop, 1);
    unsigned lp, rp, end = ms_stmt_end(ctx, loop);
    if (ms_paren_range(ctx, loop, &lp, &rp) != 0)
        return MS_ERROR;
    char *cond = ms_text_range(ctx, lp + 1, rp);
    return ms_replace(ctx, loop->begin, end,
                      ms_printf(ctx, "{ if (%s) do %s while (%s); }", cond,
                                ms_text_range(ctx, body->begin, end), cond));
}

MS_MUTATOR(while_to_do_while, "Rewrite a while loop as a do-while loop guarded by an if.", 0);
