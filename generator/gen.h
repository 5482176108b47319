/*
 * gen.h - the generator's pipeline: invent a mutator, implement it, compile,
 * validate, fix, queue it for review. Shared by `mutsmith generate` (which
 * orchestrates runs, jobs and budgets) and the modules that do each step.
 *
 * Work directory (default .mutsmith-gen/ in the source tree; tokens cost
 * money, so it survives `make clean`):
 *   cache/              one answer per request hash (cache.h)
 *   manual/             prompts and answers of the manual backend
 *   transcript.jsonl    every exchange of every run
 *   run.json            the current run: what was invented, in order
 *   candidates/NAME/    NAME.c (latest code), transcript.jsonl, tests/,
 *                       state.json (written when the candidate is finished)
 * Accepted work goes to mutators/pending/NAME.c + NAME.json.
 */
#ifndef MUTSMITH_GEN_H
#define MUTSMITH_GEN_H

#include "llm.h"

#include <stddef.h>

/* Budgets and counters shared by every job process (lives in shared memory). */
typedef struct gen_shared {
    long prompt_tokens, completion_tokens; /* paid in this run (cache hits are free) */
    long queries;                          /* queries sent in this run */
    double cost_usd;
    int stop;                              /* a budget was reached */
} gen_shared;

typedef struct gen_opts {
    const char *src_root, *build_dir, *work;
    const char *corpus;       /* validation inputs */
    const char *backend_name; /* http, manual, replay */
    const char *model;        /* for prices and the pending record */
    int seeds;                /* seeds per file in validation (default 2) */
    int max_queries;          /* per mutator (default 12) */
    long max_tokens;          /* whole run, 0 = none */
    double max_cost;          /* whole run, 0 = none */
    double price_in, price_out; /* USD per million tokens */
    int quiet;
    const char *const *cflags; /* extra compiler args for parsing (-I, -D) */
    int ncflags;
} gen_opts;

/* Per-stage accounting of one candidate. */
enum { ST_INVENT, ST_IMPLEMENT, ST_FIX, ST_TESTS, ST_COUNT };
extern const char *const gen_stage_names[ST_COUNT];

typedef struct gen_tally {
    int queries[ST_COUNT];
    int cached[ST_COUNT];
    long prompt_tokens[ST_COUNT], completion_tokens[ST_COUNT];
} gen_tally;

/* One exchange: renders nothing, sends msgs through b, appends to the
 * transcripts, updates tally and shared counters. Returns 0, -1 on an LLM
 * error (err), -2 when a budget is exhausted. */
int gen_ask(llm_backend *b, const gen_opts *o, gen_shared *sh, gen_tally *t, int stage,
            const char *candidate, const char *user_prompt, const char *transcript,
            llm_answer *ans, char *err, size_t errlen);

/* The system prompt (templates/system.md), cached. */
const char *gen_system_prompt(const gen_opts *o, char *err, size_t errlen);

/* Cost of a token count at o's prices. */
double gen_cost(const gen_opts *o, long prompt_tokens, long completion_tokens);

/* Work on one invented candidate until it is pending, given up, or stopped
 * by a budget; writes candidates/NAME/state.json when finished. Runs in its
 * own process. Returns 0 when a final state was written. */
int gen_candidate(llm_backend *b, const gen_opts *o, gen_shared *sh, const char *name,
                  const char *description, const gen_tally *invention);

/* Sorted list of the files named *SUFFIX directly in dir (malloc'd paths). */
int gen_list_files(const char *dir, const char *suffix, char ***out);
void gen_free_list(char **v, int n);

/* Parse an invention answer "name: sentence" (first such line). 0 or -1. */
int gen_parse_invention(const char *answer, char *name, size_t namelen, char *desc,
                        size_t desclen);

/* Split the C code blocks out of an answer (for the tests stage): returns
 * how many, *out gets malloc'd strings. */
int gen_code_blocks(const char *answer, char ***out);

#endif
