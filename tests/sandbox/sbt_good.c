/*
 * sbt_good - a well-behaved candidate for the sandbox test: turn a binary
 * `+` into `-`.
 *
 *   before:  return a + b;
 *   after:   return a - b;
 */
#include "mutsmith.h"

#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    ms_op op;
    return n->kind == CXCursor_BinaryOperator && ms_operator(ctx, n, &op) == 0 &&
           strcmp(op.spelling, "+") == 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    ms_op op;
    if (ms_operator(ctx, sites[k], &op) != 0)
        return MS_ERROR;
    return ms_replace(ctx, op.begin, op.end, "-");
}

MS_MUTATOR(sbt_good, "Turn a binary + into -.", 0);
