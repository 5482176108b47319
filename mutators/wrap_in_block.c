/*
 * wrap_in_block - wrap a statement in a block or in `do { } while (0)`.
 *
 *   before:  if (c) x++; y--;      after:  if (c) { x++; } do { y--; } while (0);
 *
 * Sites are statements in a block or the body of an if, loop, case or label;
 * never declarations (their scope would shrink), labels or empty statements.
 * The do-while form is used only when no break or continue in the statement
 * leaves it, since the new loop would capture them.
 */
#include "mutsmith.h"

/* Does a break or continue inside n refer to a loop or switch outside n? */
static int escapes(ms_ctx *ctx, const ms_node *n)
{
    int first = ms_node_index(ctx, n), end = ms_subtree_end(ctx, n);
    for (int i = first; i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i), *target;
        if (d->kind != CXCursor_BreakStmt && d->kind != CXCursor_ContinueStmt)
            continue;
        target = ms_jump_target(ctx, d);
        if (!target || ms_node_index(ctx, target) < first)
            return 1;
    }
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return ms_is_plain_statement(n) && ms_stmt_position(ctx, n) != MS_POS_NONE &&
           ms_stmt_is_whole(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    unsigned end = ms_stmt_end(ctx, s);
    const char *text = ms_text_range(ctx, s->begin, end);
    if (ms_chance(ctx, 1, 2) && !escapes(ctx, s))
        text = ms_printf(ctx, "do { %s } while (0);", text);
    else
        text = ms_printf(ctx, "{ %s }", text);
    return ms_replace(ctx, s->begin, end, text);
}

MS_MUTATOR(wrap_in_block, "Wrap a statement in a block or in a do-while(0) loop.", 0);
