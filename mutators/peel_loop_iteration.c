/*
 * peel_loop_iteration - peel the first iteration of a while or do-while
 * loop into a copy of its body placed before the loop.
 *
 *   while (C) B;        ->  { if (C) { B while (C) B } }
 *   do B while (C);     ->  { { B } while (C) B }
 *
 * C is evaluated exactly as often as before. Loops are skipped when their
 * body has a break/continue of this loop, a label, a case/default of an
 * outer switch, or a static local (the copy would duplicate or retarget
 * them). The outer braces keep the result one statement (no dangling else).
 */
#include "mutsmith.h"
#include <string.h>

static const ms_node *loop_body(ms_ctx *ctx, const ms_node *loop)
{
    if (loop->kind == CXCursor_WhileStmt)
        return ms_child(ctx, loop, 1);
    if (loop->kind == CXCursor_DoStmt)
        return ms_child(ctx, loop, 0);
    return NULL;
}

static int inside(const ms_node *outer, const ms_node *n)
{
    return n && n->begin >= outer->begin && n->end <= outer->end;
}

static int body_copyable(ms_ctx *ctx, const ms_node *loop, const ms_node *body)
{
    int end = ms_subtree_end(ctx, body);
    for (int i = ms_node_index(ctx, body); i < end; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        switch (n->kind) {
        case CXCursor_BreakStmt:
        case CXCursor_ContinueStmt: {
            const ms_node *t = ms_jump_target(ctx, n);
            if (!t || t == loop || !inside(body, t))
                return 0;
            break;
        }
        case CXCursor_CaseStmt:
        case CXCursor_DefaultStmt:
            if (!inside(body, ms_jump_target(ctx, n)))
                return 0;
            break;
        case CXCursor_LabelStmt:
            return 0;
        case CXCursor_VarDecl:
            if (clang_Cursor_getStorageClass(n->cursor) == CX_SC_Static)
                return 0;
            break;
        default:
            break;
        }
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *body = loop_body(ctx, n);
    unsigned lp, rp;
    if (!body || !ms_editable(ctx, body) || !ms_stmt_is_whole(ctx, n) ||
        !ms_stmt_is_whole(ctx, body) || ms_stmt_position(ctx, n) == MS_POS_NONE)
        return 0;
    if (ms_paren_range(ctx, n, &lp, &rp) != 0 || rp <= lp + 1)
        return 0;
    return body_copyable(ctx, n, body);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = loop_body(ctx, loop);
    unsigned lp, rp;
    if (!body || ms_paren_range(ctx, loop, &lp, &rp) != 0)
        return MS_ERROR;
    char *cond = ms_text_range(ctx, lp + 1, rp);
    char *b = ms_text_range(ctx, body->begin, ms_stmt_end(ctx, body));
    unsigned end = ms_stmt_end(ctx, loop);
    if (loop->kind == CXCursor_WhileStmt) {
        if (ms_insert(ctx, loop->begin, ms_printf(ctx, "{ if (%s) { %s\n", cond, b)) !=
                MS_MUTATED ||
            ms_insert(ctx, end, " } }") != MS_MUTATED)
            return MS_ERROR;
        return MS_MUTATED;
    }
    return ms_replace(ctx, loop->begin, end,
                      ms_printf(ctx, "{ { %s\n} while (%s) %s }", b, cond, b));
}

MS_MUTATOR(peel_loop_iteration,
           "Peel the first iteration of a while or do-while loop without break or continue into a "
           "copy of its body placed before the loop.",
           0);
