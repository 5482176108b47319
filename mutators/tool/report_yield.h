/*
 * report_yield.h - the per-mutator yield of a campaign: parse the AFL++ file
 * names in NAME/queue, NAME/crashes and NAME/hangs (`id:N,src:N,time:T,execs:E,<desc>`,
 * see docs/CAMPAIGN.md) and count the files per source: a mutator (each
 * mutator of a stacked `a+b` is credited), `afl:<stage>` for AFL's own
 * stages, `seed` for orig: entries, `sync` for entries imported from another
 * instance.
 */
#ifndef MUTSMITH_REPORT_YIELD_H
#define MUTSMITH_REPORT_YIELD_H

enum { RY_QUEUE, RY_CRASHES, RY_HANGS, RY_NKIND };

typedef struct rp_source {
    char *name;
    unsigned long long n[RY_NKIND]; /* files credited to this source */
    unsigned long long cov;         /* queue entries with new edges (+cov) */
} rp_source;

typedef struct rp_yield {
    rp_source *src;
    int n, cap;
    unsigned long long files[RY_NKIND]; /* all files counted */
    unsigned long long cov;             /* all queue entries with +cov */
    unsigned long long stacked;         /* files credited to several mutators */
} rp_yield;

/* Count one file name of the given kind. Names not starting with "id:" are
 * ignored (README.txt, .state). */
void rp_yield_add_name(rp_yield *y, const char *name, int kind);
/* Count the files of one instance directory; returns how many were read. */
unsigned long long rp_yield_scan(rp_yield *y, const char *instdir);
/* by queue entries, then crashes, hangs, name */
void rp_yield_sort(rp_yield *y);
const rp_source *rp_yield_find(const rp_yield *y, const char *name);
void rp_yield_free(rp_yield *y);

#endif
