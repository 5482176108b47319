/*
 * sbt_leak - allocates with malloc and never frees.
 * A candidate for tests/run_sandbox.sh, which expects the verdict Leak.
 */
#include "mutsmith.h"

#include <stdio.h>
#include <stdlib.h>

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
    char *text = malloc(64);
    snprintf(text, 64, "%d", k % 2);
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, ms_strdup(ctx, text));
}

MS_MUTATOR(sbt_leak, "Replace an integer literal by 0 (test candidate).", 0);
