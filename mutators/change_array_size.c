/*
 * change_array_size - change a constant array dimension of a declaration.
 *
 *   before:  int buf[10];          after:  int buf[11];
 *   before:  int m[3][4] = {...};  after:  int m[3][8] = {...};
 *
 * Sites are the outermost dimensions of variables and fields written as an
 * integer literal (not parameters, where arrays decay, nor sizes spelled as
 * macros or expressions): an inner one would change the pointer type the
 * array decays to. Fields and variables with an initialiser only grow, so
 * every initialiser still fits; other variables may also shrink, to at
 * least 1. Globals must have no other declaration (extern int a[10]; ...).
 */
#include "mutsmith.h"

#include <string.h>

static int sole(ms_ctx *ctx, const ms_node *n)
{
    CXCursor canon = clang_getCanonicalCursor(n->cursor);
    for (int i = ms_node_index(ctx, n) + 1; i < ms_node_count(ctx); i++) {
        const ms_node *x = ms_node_at(ctx, i);
        if (x->kind == n->kind && clang_equalCursors(clang_getCanonicalCursor(x->cursor), canon))
            return 0;
    }
    return clang_equalCursors(canon, n->cursor);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* libclang shows a record (or enum) defined inside a typedef, variable or
 * field declaration twice: as a node of its own and inside that one. */
static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *d = ms_parent(ctx, n);
    if (n->kind != CXCursor_IntegerLiteral || !d ||
        (d->kind != CXCursor_VarDecl && d->kind != CXCursor_FieldDecl))
        return 0;
    if (ms_classify(clang_getCursorType(d->cursor)) != MS_T_ARRAY)
        return 0;
    /* a dimension: "[ literal ]" after the name */
    unsigned name = 0, b = n->begin, e = n->end;
    clang_getExpansionLocation(clang_getCursorLocation(d->cursor), NULL, NULL, NULL, &name);
    const char *src = ms_source(ctx, NULL);
    while (b > name && is_space(src[b - 1]))
        b--;
    while (e < d->end && is_space(src[e]))
        e++;
    if (b <= name || src[b - 1] != '[' || e >= d->end || src[e] != ']')
        return 0;
    for (unsigned i = name; i + 1 < b; i++)
        if (src[i] == '[')
            return 0;                  /* not the outermost dimension */
    if (d->kind == CXCursor_FieldDecl) /* unless there are layout assertions */
        return !strstr(src, "tatic_assert") && !copy_view(ctx, ms_parent(ctx, d));
    const ms_node *p = ms_parent(ctx, d);
    if (p && p->kind == CXCursor_DeclStmt)
        return clang_Cursor_getStorageClass(d->cursor) != CX_SC_Extern;
    return !p && sole(ctx, d);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *lit = sites[k], *d = ms_parent(ctx, lit);
    CXEvalResult ev = clang_Cursor_Evaluate(lit->cursor);
    if (!ev)
        return MS_SKIP;
    long long old = clang_EvalResult_getAsLongLong(ev), v;
    clang_EvalResult_dispose(ev);
    int grow_only = d->kind == CXCursor_FieldDecl ||
                    !clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(d->cursor));
    if (old < 0 || old > (1LL << 40))
        return MS_SKIP;
    do {
        unsigned how = ms_rand(ctx, grow_only ? 3 : 6);
        long long step = old > (1LL << 20) ? 1 : old;
        v = how == 0   ? old + 1
            : how == 1 ? old + step
            : how == 2 ? old + 1 + ms_rand(ctx, 16)
            : how == 3 ? old - 1
            : how == 4 ? old / 2
                       : 1;
    } while (v < 1 || v == old);
    return ms_replace_node(ctx, lit, ms_printf(ctx, "%lld", v));
}

MS_MUTATOR(change_array_size, "Change a constant dimension of an array declaration.", 0);
