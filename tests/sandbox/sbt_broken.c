/*
 * sbt_broken - calls a function that does not exist.
 * A candidate for tests/run_sandbox.sh, which expects the verdict NotCompile.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)ctx;
    (void)user;
    return n->kind == CXCursor_IntegerLiteral;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, zero_literal(ctx));
}

MS_MUTATOR(sbt_broken, "Replace an integer literal by 0 (test candidate).", 0);
