/*
 * convert_while_to_for - rewrite a while loop as a for loop with an empty
 * init and increment.
 *
 *   before:  while (i < n) s += a[i++];
 *   after:   for (; i < n;) s += a[i++];
 *
 * Only the keyword and the parentheses are rewritten; the condition and the
 * body keep their text, so break and continue bind as before and the body's
 * scope is unchanged. Sites are while loops whose keyword and parentheses
 * are in the main file outside macros and whose condition is an expression
 * (never a declaration).
 */
#include "mutsmith.h"

#include <string.h>

static int header(ms_ctx *ctx, const ms_node *n, unsigned *lp, unsigned *rp)
{
    const char *s = ms_source(ctx, NULL);
    if (n->kind != CXCursor_WhileStmt || n->nchildren != 2 || strncmp(s + n->begin, "while", 5))
        return -1;
    const ms_node *c = ms_child(ctx, n, 0), *body = ms_child(ctx, n, 1);
    if (!c || !body || clang_isDeclaration(c->kind) || !ms_editable(ctx, c))
        return -1;
    if (ms_paren_range(ctx, n, lp, rp) != 0 || *lp >= c->begin || *rp < c->end ||
        *rp >= body->begin)
        return -1;
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    return header(ctx, n, &lp, &rp) == 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned lp, rp;
    if (header(ctx, sites[k], &lp, &rp) != 0)
        return MS_ERROR;
    if (ms_replace(ctx, sites[k]->begin, lp + 1, "for (; ") != MS_MUTATED)
        return MS_ERROR;
    return ms_replace(ctx, rp, rp + 1, ";)");
}

MS_MUTATOR(convert_while_to_for,
           "Rewrite while (c) body as the for loop for (; c;) body with the same condition and "
           "body.",
           0);
