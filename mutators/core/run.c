/*
 * run.c - run one mutator on a parsed unit: set up the context (arena, PRNG
 * seeded from the caller's seed, forced site), call mutate(), and turn the
 * queued edits into a fresh output buffer. The unit is never modified, so one
 * parse serves any number of runs.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double ms_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

void ms_run(ms_unit *u, const ms_mutator *m, const ms_run_opts *o, ms_run_result *r)
{
    memset(r, 0, sizeof *r);
    r->status = MS_SKIP;

    jmp_buf jb;
    ms_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.u = u;
    ctx.arena = &u->arena;
    ctx.abort_jmp = &jb;
    ctx.forced_site = o->site;
    ctx.count_only = o->count_only;
    /* mix in the mutator's name so one seed drives mutators differently */
    ms_rng_seed(ctx.rng, o->seed ^ ms_hash(m->name, strlen(m->name)));

    if (setjmp(jb)) {
        r->status = MS_ERROR;
        snprintf(r->err, sizeof r->err, "%s: arena limit (%zu MB) exceeded", m->name,
                 (size_t)(MS_ARENA_LIMIT >> 20));
        ms_arena_reset(&u->arena);
        return;
    }

    int rc = u->nnodes > 0 ? m->mutate(&ctx) : MS_SKIP;
    r->nsites = ctx.nsites;
    if (o->count_only) {
        r->status = MS_SKIP;
    } else if (rc == MS_MUTATED) {
        if (ms_edits_apply(&ctx, &r->out, &r->outlen) == MS_MUTATED) {
            ms_neutralise_pragmas(r->out, r->outlen);
            r->status = MS_MUTATED;
        } else {
            r->status = MS_ERROR;
            snprintf(r->err, sizeof r->err, "out of memory applying edits");
        }
    } else if (rc == MS_SKIP) {
        r->status = MS_SKIP;
    } else {
        r->status = MS_ERROR;
        snprintf(r->err, sizeof r->err, "%s: mutator reported an internal error", m->name);
    }
    ms_arena_reset(&u->arena);
}
