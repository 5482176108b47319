/*
 * remove_break - remove a break statement from a loop or a switch.
 *
 *   before:  case 1: x++; break; case 2: y++;
 *   after:   case 1: x++; ; case 2: y++;
 *
 * The break is replaced with an empty statement, so a break that is the
 * body of an if or follows a label leaves a valid statement behind. In a
 * switch the case falls through; in a loop the loop runs on.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_BreakStmt && ms_stmt_end(ctx, n) > n->end;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    return ms_replace(ctx, sites[k]->begin, ms_stmt_end(ctx, sites[k]), ";");
}

MS_MUTATOR(remove_break,
           "Remove a break statement, making a case fall through or a loop go on.", 0);
