/*
 * swap_adjacent_statements - exchange two neighbouring statements of a
 * block, keeping the text between them.
 *
 *   before:  x = f(a); y = g(b);      after:  y = g(b); x = f(a);
 *
 * Both statements must be plain (no declaration, empty statement, label,
 * case or default), end with their own ';' or '}', and contain no label,
 * case/default label or struct/union/enum declaration: then no name's
 * scope or jump target moves, and the block still compiles. Blocks of
 * statement expressions are skipped (their last statement is the value).
 */
#include "mutsmith.h"

#include <string.h>

/* Can n be moved within its block? */
static int movable(ms_ctx *ctx, const ms_node *n)
{
    if (!n || !ms_is_plain_statement(n) || !ms_editable(ctx, n) || !ms_stmt_is_whole(ctx, n))
        return 0;
    for (int i = ms_node_index(ctx, n) + 1, end = ms_subtree_end(ctx, n); i < end; i++) {
        switch (ms_node_at(ctx, i)->kind) {
        case CXCursor_LabelStmt:
        case CXCursor_CaseStmt:
        case CXCursor_DefaultStmt:
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
            return 0;
        default:
            break;
        }
    }
    return 1;
}

/* The statement after n in its block when both can be swapped, or NULL. */
static const ms_node *partner(ms_ctx *ctx, const ms_node *n)
{
    if (ms_stmt_position(ctx, n) != MS_POS_BLOCK || n->next_sibling < 0)
        return NULL;
    const ms_node *m = ms_node_at(ctx, n->next_sibling);
    if (!movable(ctx, n) || !movable(ctx, m) || ms_stmt_end(ctx, n) > m->begin)
        return NULL;
    unsigned ln = ms_stmt_end(ctx, n) - n->begin, lm = ms_stmt_end(ctx, m) - m->begin;
    const char *s = ms_source(ctx, NULL);
    if (ln == lm && !memcmp(s + n->begin, s + m->begin, ln))
        return NULL; /* the same text: nothing would change */
    return m;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return partner(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *a = sites[k], *b = partner(ctx, a);
    if (!b)
        return MS_ERROR;
    unsigned ae = ms_stmt_end(ctx, a), be = ms_stmt_end(ctx, b);
    if (ms_replace(ctx, a->begin, ae, ms_text_range(ctx, b->begin, be)) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace(ctx, b->begin, be, ms_text_range(ctx, a->begin, ae));
}

MS_MUTATOR(swap_adjacent_statements,
           "Exchange two adjacent plain statements of a block that hold no labels or tag "
           "declarations.",
           0);
