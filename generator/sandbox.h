/*
 * sandbox.h - running untrusted work (compiling and validating LLM-written
 * mutators) in a child process: a private working directory, CPU, memory,
 * file-size and process-count limits, no network (a new network namespace
 * where permitted, and a seccomp filter that traps socket creation and
 * writes outside the working directory), killed on a wall-clock timeout.
 */
#ifndef MUTSMITH_SANDBOX_H
#define MUTSMITH_SANDBOX_H

#include <stddef.h>

typedef struct sb_limits {
    const char *dir;  /* working directory of the child (must exist) */
    int cpu_s;        /* RLIMIT_CPU, 0 = none */
    long mem_mb;      /* RLIMIT_AS, 0 = none (ASan builds: use asan options) */
    long fsize_mb;    /* RLIMIT_FSIZE */
    int nproc;        /* RLIMIT_NPROC */
    double wall_s;    /* killed (whole process group) after this */
    int no_net;       /* new network namespace if permitted + seccomp */
    size_t out_cap;   /* keep at most this much of stdout+stderr (0: 64 KiB) */
    int no_write;     /* seccomp: no file may be created, written or removed */
} sb_limits;

typedef struct sb_result {
    int exited;      /* 1: exit status in status */
    int status;
    int signal;      /* killing signal, 0 if exited */
    int timed_out;
    char *out;       /* merged stdout+stderr, NUL-terminated, capped */
    size_t out_len;
    double wall_s;
} sb_result;

/* Run argv (PATH search for argv[0]) in the sandbox; envp NULL = inherit.
 * Returns 0 when the child ran (see r: exit status, signal, timeout, output;
 * a child that cannot set up the sandbox or exec exits 126/127 with the
 * reason in r->out), -1 with errno when no child could be started (r is then
 * empty but safe to free). Call from the thread that lives longest: the
 * child is killed when the calling thread exits (PR_SET_PDEATHSIG). */
int sb_run(const sb_limits *l, char *const argv[], char *const envp[], sb_result *r);
void sb_result_free(sb_result *r);

#endif
