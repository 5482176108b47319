/*
 * sbt_raw_socket - creates a socket with a raw system call, which no symbol
 * check can see: the sandbox's seccomp filter must stop it.
 * A candidate for tests/run_sandbox.sh, which expects the verdict Forbidden
 * (x86-64 only; elsewhere it just replaces the literal and is OK).
 */
#include "mutsmith.h"

static long raw_socket(void)
{
#if defined(__x86_64__)
    long ret;
    /* socket(AF_INET, SOCK_STREAM, 0) is system call 41 */
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(41L), "D"(2L), "S"(1L), "d"(0L)
                     : "rcx", "r11", "memory");
    return ret;
#else
    return -1;
#endif
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)ctx;
    (void)user;
    return n->kind == CXCursor_IntegerLiteral;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    long s = raw_socket();
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, s >= 0 ? "0" : "1");
}

MS_MUTATOR(sbt_raw_socket, "Replace an integer literal (test candidate).", 0);
