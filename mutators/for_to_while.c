/*
 * for_to_while - rewrite a for loop as a while loop in a block.
 *
 *   before:  for (int i = 0; i < n; i++) s += a[i];
 *   after:   { int i = 0; while (i < n) { s += a[i]; i++; } }
 *
 * The header is split at its two top-level ';' in the source text (libclang
 * skips empty parts). Loops whose body has a `continue` of their own are not
 * sites: it would skip the increment. An empty condition becomes 1.
 */
#include "mutsmith.h"

#include <string.h>

/* The parentheses of for loop n and the top-level ';' between them;
 * returns the number of such ';', or -1 (no header, comment or directive). */
static int header(ms_ctx *ctx, const ms_node *n, unsigned *lp, unsigned *rp, unsigned semi[2])
{
    if (ms_paren_range(ctx, n, lp, rp) != 0)
        return -1;
    return ms_top_level_chars(ctx, *lp + 1, *rp, ';', semi, 2);
}

/* Does a `continue` in the subtree of loop n belong to n itself? */
static int own_continue(ms_ctx *ctx, const ms_node *n)
{
    for (int i = ms_node_index(ctx, n) + 1, end = ms_subtree_end(ctx, n); i < end; i++) {
        const ms_node *c = ms_node_at(ctx, i);
        if (c->kind == CXCursor_ContinueStmt && ms_jump_target(ctx, c) == n)
            return 1;
    }
    return 0;
}

static char *trim(ms_ctx *ctx, unsigned b, unsigned e)
{
    const char *s = ms_source(ctx, NULL);
    while (b < e && strchr(" \t\r\n\f\v", s[b]))
        b++;
    while (e > b && strchr(" \t\r\n\f\v", s[e - 1]))
        e--;
    return ms_text_range(ctx, b, e);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp, semi[2];
    if (n->kind != CXCursor_ForStmt || n->nchildren < 1)
        return 0;
    const ms_node *body = ms_child(ctx, n, n->nchildren - 1);
    return ms_editable(ctx, body) && ms_stmt_is_whole(ctx, body) &&
           header(ctx, n, &lp, &rp, semi) == 2 && rp < body->begin && !own_continue(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = ms_child(ctx, loop, loop->nchildren - 1);
    unsigned lp, rp, semi[2], end = ms_stmt_end(ctx, loop);
    if (header(ctx, loop, &lp, &rp, semi) != 2)
        return MS_ERROR;
    char *init = trim(ctx, lp + 1, semi[0]), *cond = trim(ctx, semi[0] + 1, semi[1]);
    char *inc = trim(ctx, semi[1] + 1, rp);
    char *text = ms_printf(ctx, "{ %swhile (%s) { %s%s } }",
                           *init ? ms_printf(ctx, "%s; ", init) : "", *cond ? cond : "1",
                           ms_text_range(ctx, body->begin, end),
                           *inc ? ms_printf(ctx, " %s;", inc) : "");
    return ms_replace(ctx, loop->begin, end, text);
}

MS_MUTATOR(for_to_while, "Rewrite a for loop as an equivalent while loop inside a block.", 0);
