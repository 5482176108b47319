/*
 * crash_always - a deliberately broken mutator for the plugin's isolation
 * test: it finds integer literals like a real mutator, then dereferences a
 * null pointer. Never built into the shipped library.
 */
#include "mutsmith.h"

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect_kind(ctx, CXCursor_IntegerLiteral, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    volatile int *null = (volatile int *)(ms_source(ctx, NULL) - ms_source(ctx, NULL));
    *null = k; /* SIGSEGV */
    return MS_MUTATED;
}

MS_MUTATOR(crash_always, "Crash on purpose (isolation test only).", 0);
