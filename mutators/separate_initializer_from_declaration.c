/*
 * separate_initializer_from_declaration - split the initializer of a local
 * scalar off its declaration into an assignment right after it.
 *
 *   before:  { int n = f(x) + 1; char *p = buf; ... }
 *   after:   { int n; n = f(x) + 1; char *p = buf; ... }
 *
 * For a scalar (arithmetic, enum or pointer) object, initialization and
 * simple assignment accept the same right operands with the same
 * conversions, and the assignment runs at the same place in the block.
 * Sites: declarations of one named variable directly in a block (not a
 * for header or a label's statement), no storage class, not const (an
 * assignment to it would be an error), with an expression initializer
 * (not a brace list), no __auto_type or typeof (which need the
 * initializer), the declaration not ending a statement expression (its
 * value would change type), no macro around.
 */
#include "mutsmith.h"

#include <string.h>

/* Offset of the declaration's top-level '=' before initializer init, or 0. */
static unsigned equals(ms_ctx *ctx, const ms_node *v, const ms_node *init)
{
    unsigned off = ms_name_offset(ctx, v), at[4];
    if (!off || init->begin <= off)
        return 0;
    int n = ms_top_level_chars(ctx, off, init->begin, '=', at, 4);
    return n == 1 ? at[0] : 0;
}

static int is_site(ms_ctx *ctx, const ms_node *d, void *user)
{
    (void)user;
    const ms_node *v, *init, *block;
    if (d->kind != CXCursor_DeclStmt || d->nchildren != 1 ||
        ms_stmt_position(ctx, d) != MS_POS_BLOCK || !ms_stmt_is_whole(ctx, d) ||
        !(v = ms_child(ctx, d, 0)) || v->kind != CXCursor_VarDecl || !ms_editable(ctx, v) ||
        clang_Cursor_getStorageClass(v->cursor) != CX_SC_None)
        return 0;
    if (!(block = ms_parent(ctx, d)) || block->kind != CXCursor_CompoundStmt ||
        (ms_in_stmt_expr(ctx, block) && d->next_sibling < 0))
        return 0;
    CXType t = clang_getCursorType(v->cursor);
    if (!ms_is_scalar(t) || clang_isConstQualifiedType(t) ||
        clang_isConstQualifiedType(clang_getCanonicalType(t)) || !ms_declarator(ctx, t, "x"))
        return 0;
    CXCursor ic = clang_Cursor_getVarDeclInitializer(v->cursor);
    if (clang_Cursor_isNull(ic) || v->nchildren == 0 ||
        !(init = ms_child(ctx, v, v->nchildren - 1)) || init->kind == CXCursor_InitListExpr)
        return 0;
    char *head = ms_text_range(ctx, d->begin, init->begin);
    if (strstr(head, "auto_type") || strstr(head, "typeof") || strchr(head, '{') ||
        strstr(head, "auto "))
        return 0;
    return equals(ctx, v, init) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *v = ms_child(ctx, sites[k], 0);
    const ms_node *init = ms_child(ctx, v, v->nchildren - 1);
    unsigned eq = equals(ctx, v, init);
    if (!eq)
        return MS_ERROR;
    const char *src = ms_source(ctx, NULL);
    unsigned b = eq;
    while (b > 0 && strchr(" \t", src[b - 1]))
        b--;
    return ms_replace(ctx, b, eq + 1,
                      ms_printf(ctx, "; %s =", ms_spelling(ctx, v->cursor)));
}

MS_MUTATOR(separate_initializer_from_declaration,
           "Split the initializer of a local scalar declaration T x = e; into T x; x = e;.", 0);
