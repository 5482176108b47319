/*
 * remove_statement - delete a statement.
 *
 *   before:  x = f(); y += x; return y;      after:  x = f(); return y;
 *
 * A statement in a block is deleted; the body of an if, loop, switch, case
 * or label is replaced with an empty statement `;` so the syntax holds.
 * Declarations, empty statements and statements that contain a label (a
 * goto may jump to it) are not sites, nor are statements of a GNU statement
 * expression's block (its value is the last one).
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind == CXCursor_DeclStmt || n->kind == CXCursor_NullStmt ||
        (!clang_isStatement(n->kind) && !clang_isExpression(n->kind)))
        return 0;
    return ms_stmt_position(ctx, n) != MS_POS_NONE && ms_stmt_is_whole(ctx, n) &&
           !ms_subtree_has(ctx, n, CXCursor_LabelStmt);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    unsigned begin = s->begin, end = ms_stmt_end(ctx, s);
    if (ms_stmt_position(ctx, s) == MS_POS_BODY)
        return ms_replace(ctx, begin, end, ";");
    /* alone on its line: take the whole line */
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned b = begin, e = end;
    while (b > 0 && (src[b - 1] == ' ' || src[b - 1] == '\t'))
        b--;
    while (e < len && (src[e] == ' ' || src[e] == '\t' || src[e] == '\r'))
        e++;
    if ((b == 0 || src[b - 1] == '\n') && e < len && src[e] == '\n')
        return ms_remove(ctx, b, e + 1);
    return ms_remove(ctx, begin, end);
}

MS_MUTATOR(remove_statement,
           "Delete a statement, or make the body of an if, loop or label an empty statement.", 0);
