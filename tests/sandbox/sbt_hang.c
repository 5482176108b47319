/*
 * sbt_hang - never returns.
 * A candidate for tests/run_sandbox.sh, which expects the verdict Hang.
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
    volatile unsigned spin = 0;
    for (;;)
        spin++;
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, "0");
}

MS_MUTATOR(sbt_hang, "Replace an integer literal by 0 (test candidate).", 0);
