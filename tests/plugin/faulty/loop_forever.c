/*
 * loop_forever - a deliberately broken mutator for the plugin's isolation
 * test: it finds integer literals, then never returns. Never built into the
 * shipped library.
 */
#include "mutsmith.h"

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect_kind(ctx, CXCursor_IntegerLiteral, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    volatile unsigned spin = 1;
    while (spin)
        spin++;
    return MS_MUTATED;
}

MS_MUTATOR(loop_forever, "Never return on purpose (isolation test only).", 0);
