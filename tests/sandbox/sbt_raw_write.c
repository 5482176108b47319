/*
 * sbt_raw_write - creates a file outside its directory with a raw openat
 * system call, which no symbol check can see: the sandbox's seccomp filter
 * must stop it, and the file must not appear.
 * A candidate for tests/run_sandbox.sh, which expects the verdict Forbidden
 * (x86-64 only; elsewhere it just replaces the literal and is OK).
 */
#include "mutsmith.h"

static long raw_create(const char *path)
{
#if defined(__x86_64__)
    long ret;
    register long mode __asm__("r10") = 0644;
    /* openat(AT_FDCWD, path, O_WRONLY | O_CREAT, 0644) is system call 257 */
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(257L), "D"(-100L), "S"(path), "d"(01L | 0100L), "r"(mode)
                     : "rcx", "r11", "memory");
    return ret;
#else
    (void)path;
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
    long fd = raw_create("/tmp/mutsmith-sandbox-escape");
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, fd >= 0 ? "0" : "1");
}

MS_MUTATOR(sbt_raw_write, "Replace an integer literal (test candidate).", 0);
