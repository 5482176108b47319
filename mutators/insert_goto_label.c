/*
 * insert_goto_label - insert a forward goto and its label, jumping over
 * nothing or over one statement.
 *
 *   before:  x = 1; y = 2;
 *   after:   x = 1; goto ms_lbl_0; ms_lbl_0: ; y = 2;      or
 *            x = 1; goto ms_lbl_0; y = 2; ms_lbl_0: ;
 *
 * Sites are statements of a block (not a statement expression's block).
 * The jump never enters the scope of a declaration: it skips at most one
 * statement that is not a declaration, so VLAs cannot be bypassed, and the
 * label always labels an empty statement.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (ms_stmt_position(ctx, n) != MS_POS_BLOCK)
        return 0;
    return clang_isStatement(n->kind) || clang_isExpression(n->kind) ||
           n->kind == CXCursor_DeclStmt;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *label = ms_fresh_name(ctx, "ms_lbl");
    const char *jump = ms_printf(ctx, "goto %s; ", label);
    const char *target = ms_printf(ctx, "%s: ;", label);
    if (s->kind == CXCursor_DeclStmt || !ms_stmt_is_whole(ctx, s) || ms_chance(ctx, 1, 2))
        return ms_insert(ctx, s->begin, ms_printf(ctx, "%s%s ", jump, target));
    if (ms_insert(ctx, s->begin, jump) != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, s), ms_printf(ctx, " %s", target));
}

MS_MUTATOR(insert_goto_label,
           "Insert a forward goto with its label, skipping nothing or one statement.", 0);
