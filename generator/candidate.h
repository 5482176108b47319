/*
 * candidate.h - turning an LLM-written mutator source into verdicts: compile
 * it with the project's strict flags under ASan+UBSan and link it, alone,
 * into a copy of the `mutsmith` CLI (its own one-entry registry); then run
 * that binary's `check` (the very sweep of `mutsmith check`) on test inputs
 * inside the sandbox, and collect what the fix prompt and the review need:
 * the verdict, figures, trimmed evidence and sample diffs. Everything the
 * LLM will see is deterministic (first failure by file and seed order, no
 * timings), so a re-run produces the same prompts and hits the cache.
 *
 * Before linking, the object's undefined symbols are checked against what a
 * mutator may call (the framework, libclang, libc's string, memory,
 * character-class and allocation functions): anything else (files,
 * processes, network, ...) makes the build fail as Forbidden. What the
 * symbol check cannot see (raw system calls) the sandbox's seccomp filter
 * stops at run time; that too is reported as Forbidden.
 */
#ifndef MUTSMITH_CANDIDATE_H
#define MUTSMITH_CANDIDATE_H

#include <stddef.h>

/* Where the pieces are: the source tree (mutators/core headers) and the
 * build tree (asan/libmutsmith.a, asan/mutators/tool/main.o, config.mk). */
typedef struct cand_env {
    const char *src_root;
    const char *build_dir;
    const char *cc;          /* default "cc" */
    double timeout_s;        /* per mutation in validation, default 10 */
} cand_env;

typedef struct cand_build {
    int ok;                  /* 1: compiled and linked */
    int forbidden;           /* ok == 0 because it calls what mutators may not: the
                                verdict is Forbidden, not NotCompile */
    char *errors;            /* NotCompile / Forbidden evidence, trimmed, malloc'd */
    char exe[4096];          /* the candidate's checker binary */
} cand_build;

/* Compile workdir/NAME.c (already written there) into workdir/check.
 * Returns 0 (see b->ok), or -1 if the tool chain itself failed (err). */
int cand_compile(const cand_env *env, const char *name, const char *workdir, cand_build *b,
                 char *err, size_t errlen);
void cand_build_free(cand_build *b);

typedef struct cand_sample {
    char *file;              /* input path as given */
    unsigned long long seed;
    int valid;               /* mutant accepted by clang -fsyntax-only */
    char *diff;              /* unified diff input -> mutant, trimmed */
} cand_sample;

#define CAND_MAX_SAMPLES 3

typedef struct cand_validation {
    char verdict[24];        /* OK NoChange ApplyFail InvalidChange Crash Hang Error Forbidden
                                Leak */
    int files, files_applicable, runs, mutated, checked, valid;
    double applicability;    /* files_applicable / files */
    double validity;         /* valid / checked */
    double us_per_mutation;
    char *evidence;          /* for the fix prompt: trimmed, deterministic; malloc'd */
    char *sweep_json;        /* the sweep's --json output, malloc'd */
    cand_sample samples[CAND_MAX_SAMPLES];
    int nsamples;
} cand_validation;

/* Validate the built candidate on files with `seeds` seeds each, inside the
 * sandbox (workdir as its directory), looking for leaks after each call and
 * stopping at the first Crash, Hang or Leak. Samples are collected for the
 * OK verdict only. 0, or -1 on a setup failure (err). */
int cand_validate(const cand_env *env, const cand_build *b, const char *name,
                  const char *const *files, int nfiles, int seeds, const char *workdir,
                  cand_validation *v, char *err, size_t errlen);
void cand_validation_free(cand_validation *v);

#endif
