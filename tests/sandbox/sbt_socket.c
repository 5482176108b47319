/*
 * sbt_socket - opens a socket through libc (caught by the symbol check).
 * A candidate for tests/run_sandbox.sh, which expects the verdict Forbidden.
 */
#include "mutsmith.h"

#include <sys/socket.h>

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
    int s = socket(AF_INET, SOCK_STREAM, 0);
    return ms_replace(ctx, sites[k]->begin, sites[k]->end, s >= 0 ? "0" : "1");
}

MS_MUTATOR(sbt_socket, "Replace an integer literal by 0 (test candidate).", 0);
