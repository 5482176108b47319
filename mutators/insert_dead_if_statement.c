/*
 * insert_dead_if_statement - put a never-executed copy of a statement right
 * before it.
 *
 *   before:  x += f(y);
 *   after:   if (0) { x += f(y); } x += f(y);
 *      or:   while (0) { x += f(y); } x += f(y);
 *      or:   if (sizeof(int) == 0) { x += f(y); } x += f(y);
 *
 * Sites are plain statements (no declaration, empty statement or label)
 * directly in a block (not the value of a statement expression) that end
 * with their own ';' or '}'. The copy sits in a block of its own, so names
 * it declares cannot clash; statements holding a label (labels are
 * function-wide), a case/default label (a duplicate case) or an asm
 * statement are skipped. A break or continue in the copy still has a
 * target: the same enclosing loop or switch, or the new while (0).
 */
#include "mutsmith.h"

static int copyable(ms_ctx *ctx, const ms_node *n)
{
    for (int i = ms_node_index(ctx, n), end = ms_subtree_end(ctx, n); i < end; i++) {
        switch (ms_node_at(ctx, i)->kind) {
        case CXCursor_LabelStmt:
        case CXCursor_CaseStmt:
        case CXCursor_DefaultStmt:
        case CXCursor_AsmStmt:
        case CXCursor_MSAsmStmt:
            return 0;
        default:
            break;
        }
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return ms_is_plain_statement(n) && ms_stmt_position(ctx, n) == MS_POS_BLOCK &&
           ms_stmt_is_whole(ctx, n) && copyable(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    static const char *const heads[] = {"if (0)", "while (0)", "if (sizeof(int) == 0)"};
    const ms_node *s = sites[k];
    const char *copy = ms_text_range(ctx, s->begin, ms_stmt_end(ctx, s));
    return ms_insert(ctx, s->begin, ms_printf(ctx, "%s { %s } ", heads[ms_rand(ctx, 3)], copy));
}

MS_MUTATOR(insert_dead_if_statement,
           "Insert before a statement of a block a copy of it guarded by a false condition, "
           "if (0), while (0) or if (sizeof(int) == 0).",
           0);
