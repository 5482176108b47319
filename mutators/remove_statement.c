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

/* 1: directly in a block, 2: the sub-statement of a statement, 0: other. */
static int position(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n), *pp = ms_parent(ctx, p);
    if (!p)
        return 0;
    switch (p->kind) {
    case CXCursor_CompoundStmt:
        return pp && pp->kind == CXCursor_StmtExpr ? 0 : 1;
    case CXCursor_IfStmt:
        return ms_child(ctx, p, 0) != n ? 2 : 0;
    case CXCursor_DoStmt:
        return ms_child(ctx, p, 0) == n ? 2 : 0;
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
        return ms_child(ctx, p, p->nchildren - 1) == n ? 2 : 0;
    default:
        return 0;
    }
}

static int has_label(ms_ctx *ctx, const ms_node *n)
{
    int first = ms_node_index(ctx, n), total = ms_node_count(ctx);
    for (int i = first; i < total && (i == first || ms_node_at(ctx, i)->depth > n->depth); i++)
        if (ms_node_at(ctx, i)->kind == CXCursor_LabelStmt)
            return 1;
    return 0;
}

/* Does statement n end with its own ';' or '}' (not one from a macro)? */
static int whole(ms_ctx *ctx, const ms_node *n)
{
    unsigned e = ms_stmt_end(ctx, n);
    char c = e > n->begin ? ms_source(ctx, NULL)[e - 1] : 0;
    return c == ';' || c == '}';
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind == CXCursor_DeclStmt || n->kind == CXCursor_NullStmt ||
        (!clang_isStatement(n->kind) && !clang_isExpression(n->kind)))
        return 0;
    return position(ctx, n) != 0 && whole(ctx, n) && !has_label(ctx, n);
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
    if (position(ctx, s) == 2)
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
