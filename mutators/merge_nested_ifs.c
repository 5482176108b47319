/*
 * merge_nested_ifs - merge two nested ifs without else into one whose
 * condition is the && of both.
 *
 *   before:  if (a) if (b) s;        after:  if ((a) && (b)) s;
 *   before:  if (a) { if (b) s; }    after:  if ((a) && (b)) s;
 *
 * && evaluates b only when a is true, exactly as the nested form. Sites are
 * ifs without else whose body is an if without else, alone or as the only
 * statement of a block; both conditions are expressions outside macros and
 * the inner body ends with its own ';' or '}'. As neither if has an else,
 * no else can change owner. Conditions of scalar type only (always true in
 * valid C).
 */
#include "mutsmith.h"

/* The inner if of site n, or NULL. */
static const ms_node *inner_if(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind != CXCursor_IfStmt || n->nchildren != 2)
        return NULL;
    const ms_node *a = ms_child(ctx, n, 0), *t = ms_child(ctx, n, 1);
    if (!a || !t || !ms_editable(ctx, a) || !ms_editable(ctx, t) ||
        !ms_is_scalar(clang_getCursorType(a->cursor)))
        return NULL;
    if (t->kind == CXCursor_CompoundStmt) {
        if (t->nchildren != 1)
            return NULL;
        t = ms_child(ctx, t, 0);
    }
    if (!t || t->kind != CXCursor_IfStmt || t->nchildren != 2 || !ms_editable(ctx, t))
        return NULL;
    const ms_node *b = ms_child(ctx, t, 0), *s = ms_child(ctx, t, 1);
    if (!b || !s || !ms_editable(ctx, b) || !ms_editable(ctx, s) || !ms_stmt_is_whole(ctx, s) ||
        !ms_is_scalar(clang_getCursorType(b->cursor)) || b->begin >= s->begin)
        return NULL;
    return t;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return inner_if(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *outer = sites[k], *inner = inner_if(ctx, outer);
    if (!inner)
        return MS_ERROR;
    const ms_node *a = ms_child(ctx, outer, 0), *b = ms_child(ctx, inner, 0),
                  *s = ms_child(ctx, inner, 1);
    const char *text = ms_printf(ctx, "if ((%s) && (%s)) %s", ms_text(ctx, a), ms_text(ctx, b),
                                 ms_text_range(ctx, s->begin, ms_stmt_end(ctx, s)));
    return ms_replace(ctx, outer->begin, ms_stmt_end(ctx, outer), text);
}

MS_MUTATOR(merge_nested_ifs,
           "Merge if (a) if (b) s, or if (a) { if (b) s }, both without else, into "
           "if ((a) && (b)) s.",
           0);
