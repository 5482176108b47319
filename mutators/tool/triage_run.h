/*
 * triage_run.h - run the campaign's target once on one input, in its own
 * process group, under a wall-clock limit, with stdout discarded and stderr
 * captured; the result is what the crash classifier looks at.
 */
#ifndef MUTSMITH_TRIAGE_RUN_H
#define MUTSMITH_TRIAGE_RUN_H

#include "triage_campaign.h"

#include <signal.h>
#include <stddef.h>

typedef struct ms_tri_result {
    int exited;      /* 1: exited normally with exit_code */
    int exit_code;
    int signo;       /* killed by this signal, 0 when it exited */
    int timed_out;   /* hit the limit and was killed (signo is then our kill) */
    int interrupted; /* killed because ms_tri_stop was set */
    int exec_failed; /* the target could not be started (exit 127 + message) */
    double ms;       /* wall-clock time until it ended */
    char *err;       /* stderr, NUL-terminated, at most MS_TRI_ERR_CAP bytes */
    size_t err_len;
} ms_tri_result;

#define MS_TRI_ERR_CAP ((size_t)16 << 20)

/* Set (by a signal handler) to stop every running child and wait. */
extern volatile sig_atomic_t ms_tri_stop;

/* Run the target on file for at most limit_s seconds. With dump_on_timeout a
 * target still running at the limit first gets SIGABRT (LLVM then prints its
 * stack) and 2 s to die, then SIGKILL. The child gets no core dumps.
 * Returns 0 (r filled; free with ms_tri_result_free) or -1 (fork/pipe failed,
 * message in err). Thread-safe. */
int ms_tri_run(const ms_tri_campaign *c, const char *file, double limit_s, int dump_on_timeout,
               ms_tri_result *r, char *err, size_t errlen);
void ms_tri_result_free(ms_tri_result *r);

double ms_tri_now(void);

#endif
