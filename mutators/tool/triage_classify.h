/*
 * triage_classify.h - decide what one re-run of a saved crash or hang means:
 * a real compiler crash (with its bucket signature), a real hang, or a false
 * positive (with the reason), from the input text and the target's exit
 * status and stderr.
 *
 * Rules, in order:
 *   1. the input contains `clang __debug` (`#pragma clang __debug ...`,
 *      `_Pragma("clang __debug ...")`, line splices removed first): false
 *      positive, whatever the target does;
 *   2. the run hit the time limit: a hang when the input came from hangs/ (run
 *      with the long limit), else "does not reproduce";
 *   3. crashed = killed by a signal, or exit 70 (report_fatal_error) or the
 *      campaign's AFL_CRASH_EXITCODE, or a non-zero exit with crash text on
 *      stderr ("PLEASE submit a bug report", "Assertion `", "LLVM ERROR:",
 *      "UNREACHABLE executed", "Stack dump:", "frontend command failed");
 *      not crashed: "does not reproduce" (or, for a hang, "finishes within
 *      the long limit");
 *   4. out of memory ("out of memory", "std::bad_alloc", "Allocation failed"
 *      on stderr): false positive;
 *   5. stack exhaustion, only for crashes without an assertion, LLVM ERROR or
 *      UNREACHABLE message: clang's "stack nearly exhausted" warning, or a
 *      stack dump in which one function fills MS_TRI_RECURSION_FRAMES or more
 *      frames (deep recursion; LLVM prints at most 256 frames): false positive;
 *   6. otherwise a real crash, bucketed by the first of: the assertion
 *      (expression + function name, no file or line), the LLVM ERROR message
 *      (numbers and addresses replaced), the UNREACHABLE message, the top 3
 *      non-runtime stack frames (argument lists and addresses removed; an
 *      unsymbolised frame stays module+offset) with the signal, or the bare
 *      signal / exit code.
 */
#ifndef MUTSMITH_TRIAGE_CLASSIFY_H
#define MUTSMITH_TRIAGE_CLASSIFY_H

#include "triage_campaign.h"
#include "triage_run.h"

#include <stddef.h>

#define MS_TRI_RECURSION_FRAMES 10

typedef enum ms_tri_class { MS_TRI_CRASH, MS_TRI_HANG, MS_TRI_FALSE } ms_tri_class;

typedef struct ms_tri_verdict {
    ms_tri_class cls;
    char kind[24];    /* assertion, llvm-error, unreachable, signal, exit, hang */
    char *signature;  /* one line, the bucket key; NULL for false positives */
    char slug[48];    /* [a-z0-9-], for the bucket folder name */
    char reason[192]; /* false positives: why */
} ms_tri_verdict;

/* 1 when text holds a `clang __debug` pragma */
int ms_tri_has_debug_pragma(const char *text, size_t len);

/* Classify one run of the target on file (text = its contents). from_hangs:
 * the input is a saved hang, run with the long limit limit_s. Returns 0, or
 * -1 when out of memory. Free with ms_tri_verdict_free. */
int ms_tri_classify(const ms_tri_campaign *c, const char *file, const char *text, size_t len,
                    const ms_tri_result *r, int from_hangs, double limit_s, ms_tri_verdict *v);
void ms_tri_verdict_free(ms_tri_verdict *v);

#endif
