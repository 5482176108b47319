/*
 * swap_ternary_branches - exchange the two branches of a conditional
 * expression, sometimes negating the condition so the meaning is kept.
 *
 *   before:  m = a > b ? a : b;      after:  m = a > b ? b : a;
 *                                    or:     m = !(a > b) ? b : a;
 *
 * The type of c ? x : y does not depend on the order of x and y, so the
 * mutant stays well-typed. GNU's two-operand a ?: b is not a site, nor is a
 * conditional whose branches are spelled the same.
 */
#include "mutsmith.h"

#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_ConditionalOperator || n->nchildren != 3)
        return 0;
    const ms_node *c = ms_child(ctx, n, 0), *a = ms_child(ctx, n, 1), *b = ms_child(ctx, n, 2);
    return c->begin == n->begin && c->end <= a->begin && a->end <= b->begin && b->end <= n->end &&
           strcmp(ms_text(ctx, a), ms_text(ctx, b)) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *t = sites[k], *c = ms_child(ctx, t, 0), *a = ms_child(ctx, t, 1),
                  *b = ms_child(ctx, t, 2);
    /* rebuilt from the original pieces, so branches written as macros work */
    const char *cond = ms_text_range(ctx, t->begin, c->end);
    if (ms_chance(ctx, 1, 2))
        cond = ms_printf(ctx, "!(%s)", cond);
    return ms_replace_node(ctx, t,
                           ms_printf(ctx, "%s%s%s%s%s%s", cond,
                                     ms_text_range(ctx, c->end, a->begin), ms_text(ctx, b),
                                     ms_text_range(ctx, a->end, b->begin), ms_text(ctx, a),
                                     ms_text_range(ctx, b->end, t->end)));
}

MS_MUTATOR(swap_ternary_branches,
           "Exchange the branches of c ? a : b, sometimes negating the condition.", 0);
