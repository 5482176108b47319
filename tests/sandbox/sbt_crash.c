/*
 * sbt_crash - writes through a null pointer.
 * A candidate for tests/run_sandbox.sh, which expects the verdict Crash.
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
    volatile int *p = (volatile int *)(size_t)(k < 0);
    *p = 1;
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, "0");
}

MS_MUTATOR(sbt_crash, "Replace an integer literal by 0 (test candidate).", 0);
