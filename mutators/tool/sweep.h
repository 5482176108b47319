/*
 * sweep.h - the validation sweep: run mutators over a set of C files with
 * several seeds, each (mutator, file) job in its own child process under a
 * time limit, and give each mutator a verdict. `mutsmith check` prints it;
 * the generator validates LLM-written candidates through exactly this code.
 */
#ifndef MUTSMITH_SWEEP_H
#define MUTSMITH_SWEEP_H

#include "engine.h"

#include <stdio.h>

typedef enum ms_verdict {
    MS_V_OK = 0,
    MS_V_NOCHANGE,      /* claimed mutations leave the input unchanged */
    MS_V_APPLYFAIL,     /* no site in any file */
    MS_V_INVALIDCHANGE, /* valid inputs turned into invalid mutants */
    MS_V_CRASH,
    MS_V_HANG,
    MS_V_ERROR,         /* the mutator reported internal errors */
    MS_V_LEAK,          /* heap memory left allocated after a call (leak_check) */
} ms_verdict;

/* The kinds of problem the sweep records, each with its first occurrence in
 * (file, seed) order, so what is reported does not depend on which child
 * happened to finish first. */
enum { MS_P_CRASH, MS_P_HANG, MS_P_LEAK, MS_P_ERROR, MS_P_INVALID, MS_P_NOCHANGE, MS_P_COUNT };

const char *ms_verdict_name(ms_verdict v);

typedef struct ms_sweep_opts {
    const char *const *files;
    int nfiles;
    int seeds;            /* seeds per file (default 3) */
    int jobs;             /* parallel children (default: CPUs) */
    double timeout_s;     /* per mutation, including its validity check */
    double min_validity;  /* below this share a mutator is InvalidChange */
    unsigned long long base_seed;
    ms_parse_opts parse;  /* extra compiler arguments */
    int progress;         /* print progress to stderr */
    int keep_examples;    /* keep one failing input/output per mutator */
    int leak_check;       /* after each call, LeakSanitizer looks for leaks (ASan builds) */
    int fail_fast;        /* after a Crash, Hang or Leak, start no more of that
                             mutator's jobs (the first problem stays the same) */
} ms_sweep_opts;

/* 1 when this build can check for leaks (built with AddressSanitizer). */
int ms_sweep_can_check_leaks(void);

typedef struct ms_sweep_stats {
    const ms_mutator *m;
    int files;            /* files tried */
    int files_applicable; /* files with at least one site */
    int runs;             /* mutation attempts (files x seeds) */
    int mutated;          /* runs that changed the program */
    int nochange;         /* runs that claimed a change but made none */
    int skipped;          /* runs without a site */
    int errors;           /* internal errors reported by the mutator */
    int crashes, hangs;
    int leaks;            /* runs after which memory was left allocated */
    int checked;          /* mutants of valid inputs, checked for validity */
    int valid;            /* ... of which compile without error */
    double us_total;      /* time in ms_run over mutated runs */
    ms_verdict verdict;
    char first_problem[256]; /* "file (seed N): what happened", the first problem
                                of the kind that gave the verdict */
    int first_kind;          /* its MS_P_ kind, -1: no problem */
    struct {
        int file;         /* index into opts files, -1: none of this kind */
        unsigned long long seed;
        char what[96];
    } problem[MS_P_COUNT];
} ms_sweep_stats;

/* Run the sweep; stats[i] belongs to muts[i]. Returns 0, or -1 on a setup
 * failure (message on stderr). */
int ms_sweep(const ms_mutator *const *muts, int nmuts, const ms_sweep_opts *o,
             ms_sweep_stats *stats);

/* Print the table / JSON for a finished sweep. */
void ms_sweep_print_table(FILE *f, const ms_sweep_stats *s, int n);
void ms_sweep_print_json(FILE *f, const ms_sweep_stats *s, int n, const ms_sweep_opts *o);

#endif
