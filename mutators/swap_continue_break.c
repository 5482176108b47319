/*
 * swap_continue_break - turn a continue into a break or a break into a
 * continue, inside a loop.
 *
 *   before:  for (;;) { if (x) continue; y++; }
 *   after:   for (;;) { if (x) break; y++; }
 *
 * Only statements whose innermost enclosing loop-or-switch is a loop are
 * sites: a break of a switch would become a continue of an outer loop (or
 * be invalid), and a continue inside a switch would leave the switch only.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_BreakStmt && n->kind != CXCursor_ContinueStmt)
        return 0;
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p)) {
        switch (p->kind) {
        case CXCursor_ForStmt:
        case CXCursor_WhileStmt:
        case CXCursor_DoStmt:
            return 1;
        case CXCursor_SwitchStmt:
        case CXCursor_FunctionDecl:
            return 0;
        default:
            break;
        }
    }
    return 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    int is_break = sites[k]->kind == CXCursor_BreakStmt;
    return ms_replace_node(ctx, sites[k], is_break ? "continue" : "break");
}

MS_MUTATOR(swap_continue_break,
           "Turn a continue into a break or a break into a continue in a loop.", 0);
