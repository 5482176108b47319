/*
 * convert_for_to_goto_loop - lower a for loop into labels and gotos.
 *
 *   before:  for (int i = 0; i < n; i++) { if (!a[i]) continue; s += a[i]; }
 *   after:   { int i = 0; top_0: if (!(i < n)) goto end_2;
 *              { if (!a[i]) goto cont_1; s += a[i]; } cont_1: i++; goto top_0; end_2:; }
 *
 * The new block keeps a declaration of the init in a scope around the loop,
 * as the for statement did. A continue of the loop becomes goto cont_N and
 * a break of the loop becomes goto end_N; those of nested loops and
 * switches are left alone. An empty condition means true (no test). The
 * labels are fresh, so they clash with no label of the function. Skipped:
 * headers with comments, directives or statement expressions, loops whose
 * body declares a variably modified object or type (the gotos would cross
 * its scope), loops inside a statement expression, and loops with a break
 * or continue written in a macro.
 */
#include "mutsmith.h"

#include <string.h>

static int variably_modified(CXType t)
{
    for (int guard = 0; guard < 64; guard++) {
        t = clang_getCanonicalType(t);
        switch (t.kind) {
        case CXType_VariableArray:
        case CXType_DependentSizedArray:
            return 1;
        case CXType_ConstantArray:
        case CXType_IncompleteArray:
            t = clang_getArrayElementType(t);
            break;
        case CXType_Pointer:
            t = clang_getPointeeType(t);
            break;
        default:
            return 0;
        }
    }
    return 1;
}

static int in_stmt_expr(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p))
        if (p->kind == CXCursor_StmtExpr)
            return 1;
    return 0;
}

/* Checks the subtree of loop n; 0 when it can be lowered. */
static int check_body(ms_ctx *ctx, const ms_node *n, const ms_node *body)
{
    for (int i = ms_node_index(ctx, n) + 1, end = ms_subtree_end(ctx, n); i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->begin < body->begin && d->kind == CXCursor_StmtExpr)
            return -1; /* in the header */
        if ((d->kind == CXCursor_BreakStmt || d->kind == CXCursor_ContinueStmt) &&
            ms_jump_target(ctx, d) == n && (!ms_editable(ctx, d) || d->begin < body->begin))
            return -1;
        if (d->begin >= body->begin &&
            ((d->kind == CXCursor_VarDecl && variably_modified(clang_getCursorType(d->cursor))) ||
             (d->kind == CXCursor_TypedefDecl &&
              variably_modified(clang_getTypedefDeclUnderlyingType(d->cursor)))))
            return -1;
    }
    return 0;
}

static int header(ms_ctx *ctx, const ms_node *n, unsigned *lp, unsigned *rp, unsigned semi[2])
{
    if (ms_paren_range(ctx, n, lp, rp) != 0)
        return -1;
    return ms_top_level_chars(ctx, *lp + 1, *rp, ';', semi, 2);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp, semi[2];
    if (n->kind != CXCursor_ForStmt || n->nchildren < 1 || !ms_stmt_is_whole(ctx, n) ||
        strncmp(ms_source(ctx, NULL) + n->begin, "for", 3))
        return 0;
    const ms_node *body = ms_child(ctx, n, n->nchildren - 1);
    return body && ms_editable(ctx, body) && header(ctx, n, &lp, &rp, semi) == 2 &&
           rp < body->begin && !in_stmt_expr(ctx, n) && check_body(ctx, n, body) == 0;
}

static char *trim(ms_ctx *ctx, unsigned b, unsigned e)
{
    const char *s = ms_source(ctx, NULL);
    while (b < e && strchr(" \t\r\n\f\v", s[b]))
        b++;
    while (e > b && strchr(" \t\r\n\f\v", s[e - 1]))
        e--;
    return ms_text_range(ctx, b, e);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = ms_child(ctx, loop, loop->nchildren - 1);
    unsigned lp, rp, semi[2];
    if (header(ctx, loop, &lp, &rp, semi) != 2)
        return MS_ERROR;
    char *init = trim(ctx, lp + 1, semi[0]), *cond = trim(ctx, semi[0] + 1, semi[1]);
    char *inc = trim(ctx, semi[1] + 1, rp);
    const char *top = ms_fresh_name(ctx, "top"), *cont = ms_fresh_name(ctx, "cont"),
               *end = ms_fresh_name(ctx, "end");
    for (int i = ms_node_index(ctx, body), e = ms_subtree_end(ctx, loop); i < e; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if ((d->kind == CXCursor_BreakStmt || d->kind == CXCursor_ContinueStmt) &&
            ms_jump_target(ctx, d) == loop &&
            ms_replace_node(ctx, d,
                            ms_printf(ctx, "goto %s",
                                      d->kind == CXCursor_BreakStmt ? end : cont)) != MS_MUTATED)
            return MS_ERROR;
    }
    const char *head =
        ms_printf(ctx, "{ %s%s: %s", *init ? ms_printf(ctx, "%s; ", init) : "", top,
                  *cond ? ms_printf(ctx, "if (!(%s)) goto %s; ", cond, end) : "");
    const char *tail = ms_printf(ctx, " %s: ;%s goto %s; %s:; }", cont,
                                 *inc ? ms_printf(ctx, " %s;", inc) : "", top, end);
    if (ms_replace(ctx, loop->begin, body->begin, head) != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, loop), tail);
}

MS_MUTATOR(convert_for_to_goto_loop,
           "Lower a for loop into a block of labels and gotos, turning its own break and "
           "continue into gotos.",
           0);
