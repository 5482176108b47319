/*
 * worker.c - the plugin's worker process: it owns every libclang call and
 * every mutator run, so that a mutator that crashes, loops or leaks takes
 * down only this process, never afl-fuzz.
 *
 * Commands arrive as one byte on a pipe; data lives in shared memory
 * (channel.h). CH_PARSE parses the input area once and counts each enabled
 * mutator's sites; CH_MUTATE fills the output area with a batch of mutants of
 * that parsed input, each made by a mutator chosen among those with sites
 * (by weight), optionally stacked (the mutant is re-parsed and mutated
 * again). Before every step the worker records what it is doing, so the
 * plugin can blame the right mutator if the step never finishes.
 */
#include "channel.h"
#include "engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct worker {
    ch_shared *sh;
    ms_unit *unit;
    ms_parse_opts po;
    uint64_t rng;
} worker;

uint64_t ch_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void announce(ch_header *h, uint32_t phase, uint32_t mutator)
{
    h->cur_mutator = mutator;
    h->started_ns = ch_now_ns();
    h->phase = phase;
}

static int parse_into(worker *w, const unsigned char *buf, size_t len, ms_unit **out)
{
    announce(w->sh->hdr, CH_PH_PARSE, CH_IDLE);
    int rc = ms_unit_parse(out, (const char *)buf, len, &w->po, NULL, 0);
    announce(w->sh->hdr, CH_PH_IDLE, CH_IDLE);
    return rc == MS_PARSE_OK ? 0 : -1;
}

static void do_parse(worker *w)
{
    ch_header *h = w->sh->hdr;
    ms_unit_free(w->unit);
    w->unit = NULL;
    memset(h->nsites, 0, sizeof h->nsites);
    h->parse_ok = 0;
    size_t len = h->in_len > CH_INPUT_MAX ? CH_INPUT_MAX : (size_t)h->in_len;
    if (parse_into(w, w->sh->input, len, &w->unit) != 0)
        return;
    h->parse_ok = 1;
    for (int i = 0; i < ms_registry_count && i < CH_MAX_MUTATORS; i++) {
        if (!h->enabled[i])
            continue;
        ms_run_opts o = {0, -1, 1};
        ms_run_result r;
        announce(h, CH_PH_PARSE, (uint32_t)i);
        ms_run(w->unit, ms_registry[i], &o, &r);
        h->nsites[i] = r.nsites > 0 ? (uint32_t)r.nsites : 0;
    }
    announce(h, CH_PH_IDLE, CH_IDLE);
}

/* Pick a mutator among the enabled ones with sites in u, by weight. */
static int choose(worker *w, ms_unit *u, const uint32_t *nsites)
{
    ch_header *h = w->sh->hdr;
    double total = 0;
    for (int i = 0; i < ms_registry_count && i < CH_MAX_MUTATORS; i++)
        if (h->enabled[i] && (u != w->unit || nsites[i] > 0))
            total += h->weight[i];
    if (total <= 0)
        return -1;
    double x = (double)(next_rand(&w->rng) >> 11) / 9007199254740992.0 * total;
    for (int i = 0; i < ms_registry_count && i < CH_MAX_MUTATORS; i++) {
        if (!(h->enabled[i] && (u != w->unit || nsites[i] > 0)))
            continue;
        x -= h->weight[i];
        if (x < 0)
            return i;
    }
    return -1;
}

/* One mutation of u by mutator i; returns the malloc'd mutant or NULL. */
static char *mutate_with(worker *w, ms_unit *u, int i, size_t *outlen)
{
    ch_header *h = w->sh->hdr;
    ms_run_opts o = {next_rand(&w->rng), -1, 0};
    ms_run_result r;
    announce(h, CH_PH_MUTATE, (uint32_t)i);
    uint64_t t0 = ch_now_ns();
    ms_run(u, ms_registry[i], &o, &r);
    h->mutate_ns += ch_now_ns() - t0;
    announce(h, CH_PH_IDLE, CH_IDLE);
    if (r.status != MS_MUTATED)
        return NULL;
    size_t srclen;
    const char *src = ms_unit_source(u, &srclen);
    if (r.outlen == srclen && memcmp(r.out, src, srclen) == 0) {
        free(r.out);
        return NULL;
    }
    *outlen = r.outlen;
    return r.out;
}

static void do_mutate(worker *w)
{
    ch_header *h = w->sh->hdr;
    h->nout = 0;
    h->out_used = 0;
    h->mutate_ns = 0;
    if (!w->unit)
        return;
    w->rng = h->seed;
    int tries = 0;
    while (h->nout < h->batch && tries++ < (int)h->batch * 4 + 32) {
        int i = choose(w, w->unit, h->nsites);
        if (i < 0)
            break;
        size_t len = 0;
        char *out = mutate_with(w, w->unit, i, &len);
        if (!out)
            continue;
        char desc[CH_DESC_MAX];
        snprintf(desc, sizeof desc, "%s", ms_registry[i]->name);
        /* stacking: one mutant in four is mutated again, up to stack_max
         * mutations in all (each further step costs a parse) */
        unsigned depth = 1;
        if (h->stack_max > 1 && next_rand(&w->rng) % 4 == 0)
            depth = 2 + (unsigned)(next_rand(&w->rng) % (h->stack_max - 1));
        for (unsigned d = 1; d < depth; d++) {
            ms_unit *u2;
            if (parse_into(w, (const unsigned char *)out, len, &u2) != 0)
                break;
            int j = choose(w, u2, NULL);
            size_t len2 = 0;
            char *out2 = j >= 0 ? mutate_with(w, u2, j, &len2) : NULL;
            ms_unit_free(u2);
            if (!out2)
                break;
            free(out);
            out = out2;
            len = len2;
            size_t dl = strlen(desc);
            if (dl + strlen(ms_registry[j]->name) + 2 < sizeof desc)
                snprintf(desc + dl, sizeof desc - dl, "+%s", ms_registry[j]->name);
        }
        size_t srclen;
        const char *src = ms_unit_source(w->unit, &srclen);
        if (len == srclen && memcmp(out, src, len) == 0) { /* stacked edits cancelled out */
            free(out);
            continue;
        }
        size_t need = sizeof(ch_record) + ((len + 7) & ~(size_t)7);
        unsigned char *base = w->sh->output + (h->out_half ? CH_OUTPUT_HALF : 0);
        if (len <= h->max_size && h->out_used + need <= CH_OUTPUT_HALF) {
            ch_record *rec = (ch_record *)(base + h->out_used);
            rec->len = len;
            memcpy(rec->desc, desc, sizeof rec->desc);
            memcpy(rec + 1, out, len);
            h->out_used += need;
            h->nout++;
        }
        free(out);
    }
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

void ch_worker_main(ch_shared *sh, int cmd_fd, int rep_fd)
{
    worker w;
    memset(&w, 0, sizeof w);
    w.sh = sh;
    /* compiler arguments for parsing, from MUTSMITH_ARGS (space separated) */
    static char *argv_store[64];
    char *args = getenv("MUTSMITH_ARGS") ? strdup(getenv("MUTSMITH_ARGS")) : NULL;
    int na = 0;
    for (char *tok = args ? strtok(args, " \t") : NULL; tok && na < 64; tok = strtok(NULL, " \t"))
        argv_store[na++] = tok;
    w.po.args = (const char *const *)argv_store;
    w.po.nargs = na;
    w.po.filename = "input.c";
    ms_parse_guard_install();
    for (;;) {
        unsigned char c;
        ssize_t n = read(cmd_fd, &c, 1);
        if (n == 0)
            _exit(0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            _exit(1);
        }
        unsigned char reply;
        uint64_t t0 = ch_now_ns();
        if (c == CH_PARSE) {
            do_parse(&w);
            reply = CH_PARSED;
        } else if (c == CH_MUTATE) {
            do_mutate(&w);
            reply = CH_MUTATED;
        } else {
            _exit(1);
        }
        sh->hdr->worker_rss_kb = (uint64_t)rss_kb();
        sh->hdr->busy_ns = ch_now_ns() - t0;
        if (write(rep_fd, &reply, 1) != 1)
            _exit(1);
    }
}
