/*
 * duplicate_statement - repeat a statement right after itself.
 *
 *   before:  x += 2; y = f(x);      after:  x += 2; x += 2; y = f(x);
 *
 * Sites are statements in a block (also the statement after a case or goto
 * label in a block), never declarations, labels or empty statements. A
 * statement is left alone when its copy would clash: it holds a label, a
 * case/default label of an enclosing switch, or declares a struct, union or
 * enum tag in the block's own scope (e.g. inside sizeof).
 */
#include "mutsmith.h"

/* Would a second copy of the subtree of n in the same block be invalid? */
static int clashes(ms_ctx *ctx, const ms_node *n, const ms_node *block)
{
    int first = ms_node_index(ctx, n), total = ms_node_count(ctx);
    for (int i = first + 1; i < total && ms_node_at(ctx, i)->depth > n->depth; i++) {
        const ms_node *d = ms_node_at(ctx, i), *p;
        switch (d->kind) {
        case CXCursor_LabelStmt:
            return 1;
        case CXCursor_CaseStmt:
        case CXCursor_DefaultStmt:
            for (p = ms_parent(ctx, d); p && p->kind != CXCursor_SwitchStmt; p = ms_parent(ctx, p))
                ;
            if (!p || ms_node_index(ctx, p) < first)
                return 1;
            break;
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
            if (ms_enclosing_compound(ctx, d) == block)
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* The block that holds n directly or through case/default/goto labels, or
 * NULL (also for the block of a statement expression, whose value is its
 * last statement). */
static const ms_node *holder(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    while (p && (p->kind == CXCursor_CaseStmt || p->kind == CXCursor_DefaultStmt ||
                 p->kind == CXCursor_LabelStmt)) {
        if (ms_child(ctx, p, p->nchildren - 1) != n)
            return NULL; /* a case value */
        n = p;
        p = ms_parent(ctx, p);
    }
    if (!p || p->kind != CXCursor_CompoundStmt)
        return NULL;
    const ms_node *pp = ms_parent(ctx, p);
    return pp && pp->kind == CXCursor_StmtExpr ? NULL : p;
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
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_NullStmt:
        return 0;
    default:
        break;
    }
    if (!clang_isStatement(n->kind) && !clang_isExpression(n->kind))
        return 0;
    const ms_node *block = holder(ctx, n);
    return block && whole(ctx, n) && !clashes(ctx, n, block);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *src = ms_source(ctx, NULL);
    unsigned end = ms_stmt_end(ctx, s), line = s->begin;
    while (line > 0 && (src[line - 1] == ' ' || src[line - 1] == '\t'))
        line--;
    const char *text = ms_text_range(ctx, s->begin, end);
    if (line == 0 || src[line - 1] == '\n') /* alone on its line: copy the indentation */
        text = ms_printf(ctx, "\n%s%s", ms_text_range(ctx, line, s->begin), text);
    else
        text = ms_printf(ctx, " %s", text);
    return ms_insert(ctx, end, text);
}

MS_MUTATOR(duplicate_statement, "Duplicate a statement of a block right after itself.", 0);
