/*
 * wrap_in_block - wrap a statement in a block or in `do { } while (0)`.
 *
 *   before:  if (c) x++; y--;      after:  if (c) { x++; } do { y--; } while (0);
 *
 * Sites are statements in a block or the body of an if, loop, case or label;
 * never declarations (their scope would shrink), labels or empty statements.
 * The do-while form is used only when no break or continue in the statement
 * leaves it, since the new loop would capture them.
 */
#include "mutsmith.h"

static int position_ok(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n), *pp = ms_parent(ctx, p);
    if (!p)
        return 0;
    switch (p->kind) {
    case CXCursor_CompoundStmt: /* a statement expression's value is its last statement */
        return !pp || pp->kind != CXCursor_StmtExpr;
    case CXCursor_IfStmt:
        return ms_child(ctx, p, 0) != n;
    case CXCursor_DoStmt:
        return ms_child(ctx, p, 0) == n;
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
        return ms_child(ctx, p, p->nchildren - 1) == n;
    default:
        return 0;
    }
}

/* Does a break or continue inside n refer to a loop or switch outside n? */
static int escapes(ms_ctx *ctx, const ms_node *n)
{
    int first = ms_node_index(ctx, n), total = ms_node_count(ctx);
    for (int i = first; i < total && (i == first || ms_node_at(ctx, i)->depth > n->depth); i++) {
        const ms_node *d = ms_node_at(ctx, i), *p;
        if (d->kind != CXCursor_BreakStmt && d->kind != CXCursor_ContinueStmt)
            continue;
        for (p = ms_parent(ctx, d); p; p = ms_parent(ctx, p))
            if (p->kind == CXCursor_ForStmt || p->kind == CXCursor_WhileStmt ||
                p->kind == CXCursor_DoStmt ||
                (p->kind == CXCursor_SwitchStmt && d->kind == CXCursor_BreakStmt))
                break;
        if (!p || ms_node_index(ctx, p) < first)
            return 1;
    }
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
    switch (n->kind) {
    case CXCursor_DeclStmt:
    case CXCursor_NullStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
        return 0;
    default:
        return (clang_isStatement(n->kind) || clang_isExpression(n->kind)) &&
               position_ok(ctx, n) && whole(ctx, n);
    }
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    unsigned end = ms_stmt_end(ctx, s);
    const char *text = ms_text_range(ctx, s->begin, end);
    if (ms_chance(ctx, 1, 2) && !escapes(ctx, s))
        text = ms_printf(ctx, "do { %s } while (0);", text);
    else
        text = ms_printf(ctx, "{ %s }", text);
    return ms_replace(ctx, s->begin, end, text);
}

MS_MUTATOR(wrap_in_block, "Wrap a statement in a block or in a do-while(0) loop.", 0);
