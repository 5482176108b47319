/*
 * triage_inputs.h - the saved crashes and hangs of a campaign
 * (OUT/<instance>/crashes/id:*, OUT/<instance>/hangs/id:*) and what the AFL++
 * file name says about each: the `<desc>` field, i.e. which mutator made it.
 */
#ifndef MUTSMITH_TRIAGE_INPUTS_H
#define MUTSMITH_TRIAGE_INPUTS_H

#include "triage_classify.h"
#include "triage_run.h"

#include <stddef.h>

typedef struct ms_tri_input {
    char *path;     /* OUT/main/crashes/id:... */
    char *rel;      /* main/crashes/id:... (relative to OUT) */
    char *desc;     /* the <desc> field: mutator name(s), op:havoc, ... */
    int from_hangs; /* found under hangs/ */
    size_t size;
    int done;       /* re-run and classified */
    ms_tri_result r;
    ms_tri_verdict v;
} ms_tri_input;

/* Every id:* file under OUT/<dir>/crashes and OUT/<dir>/hangs, sorted by
 * path. Returns 0 with *out (caller frees with ms_tri_inputs_free), or -1
 * with a message in err. */
int ms_tri_inputs_collect(const char *outdir, ms_tri_input **out, int *n, char *err, size_t errlen);
void ms_tri_inputs_free(ms_tri_input *in, int n);

/* The <desc> of an AFL++ file name "id:N,sig:S,src:N,time:T,execs:E,DESC[,+cov]"
 * ("op:havoc" for AFL's own stages, "seed:NAME" for seeds, "unknown" when
 * there is none); malloc'd. */
char *ms_tri_afl_desc(const char *name);

#endif
