/*
 * convert_break_to_goto - replace a break by a goto to a fresh label placed
 * right after the loop or switch it leaves.
 *
 *   before:  while (x) { if (f(x)) break; x--; } y = x;
 *   after:   while (x) { if (f(x)) goto brk_0; x--; } brk_0:; y = x;
 *
 * Sites are break statements outside macros whose target loop or switch
 * sits in a block (not the value of a statement expression) or is the body
 * of an if, loop, case or label, and ends with its own ';' or '}'. The
 * label labels an empty statement right after the target, in the same
 * block, or in a new block { target label:; } that replaces a body, so the
 * jump only leaves scopes; the fresh name is used nowhere else.
 */
#include "mutsmith.h"

static const ms_node *target(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind != CXCursor_BreakStmt)
        return NULL;
    const ms_node *t = ms_jump_target(ctx, n);
    if (!t || ms_stmt_position(ctx, t) == MS_POS_NONE || !ms_editable(ctx, t) ||
        !ms_stmt_is_whole(ctx, t) || ms_stmt_end(ctx, t) <= n->end)
        return NULL;
    return t;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return target(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *brk = sites[k], *t = target(ctx, brk);
    if (!t)
        return MS_ERROR;
    const char *label = ms_fresh_name(ctx, "brk");
    if (ms_replace_node(ctx, brk, ms_printf(ctx, "goto %s", label)) != MS_MUTATED)
        return MS_ERROR;
    if (ms_stmt_position(ctx, t) == MS_POS_BLOCK)
        return ms_insert(ctx, ms_stmt_end(ctx, t), ms_printf(ctx, " %s:;", label));
    /* the body of an if, loop or label: a block keeps it one statement */
    if (ms_insert(ctx, t->begin, "{ ") != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, t), ms_printf(ctx, " %s:; }", label));
}

MS_MUTATOR(convert_break_to_goto,
           "Replace a break by a goto to a fresh label put right after the loop or switch it "
           "leaves.",
           0);
