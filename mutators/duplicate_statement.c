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
    int first = ms_node_index(ctx, n), end = ms_subtree_end(ctx, n);
    for (int i = first + 1; i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i), *sw;
        switch (d->kind) {
        case CXCursor_LabelStmt:
            return 1;
        case CXCursor_CaseStmt:
        case CXCursor_DefaultStmt:
            sw = ms_jump_target(ctx, d);
            if (!sw || ms_node_index(ctx, sw) < first)
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
    return p && p->kind == CXCursor_CompoundStmt && !ms_in_stmt_expr(ctx, p) ? p : NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (!ms_is_plain_statement(n))
        return 0;
    const ms_node *block = holder(ctx, n);
    return block && ms_stmt_is_whole(ctx, n) && !clashes(ctx, n, block);
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
