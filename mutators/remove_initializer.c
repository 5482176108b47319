/*
 * remove_initializer - drop the initialiser of a local variable.
 *
 *   before:  int x = a + 3;      after:  int x;
 *
 * Sites are block-scope automatic (or register) variables that are neither
 * const nor arrays nor __auto_type, so the bare declaration stays valid C
 * (reading the variable before it is assigned is undefined at run time,
 * which is fine for compiler fuzzing). Works inside multi-declarator
 * declarations: only the one "= init" is removed.
 */
#include "mutsmith.h"

#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Offset of the '=' that introduces n's initialiser (minus the white space
 * before it), or 0 when the text is not the plain "... = init" shape. */
static unsigned eq_begin(ms_ctx *ctx, const ms_node *n)
{
    if (clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(n->cursor)) || n->nchildren < 1)
        return 0;
    const ms_node *init = ms_child(ctx, n, n->nchildren - 1);
    if (!init || init->end != n->end || init->begin <= n->begin)
        return 0;
    const char *src = ms_source(ctx, NULL);
    unsigned i = init->begin;
    while (i > n->begin && is_space(src[i - 1]))
        i--;
    if (i <= n->begin || src[i - 1] != '=')
        return 0;
    i--;
    while (i > n->begin && is_space(src[i - 1]))
        i--;
    return i;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_VarDecl)
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p || p->kind != CXCursor_DeclStmt)
        return 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cursor);
    if (sc != CX_SC_None && sc != CX_SC_Register && sc != CX_SC_Auto)
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    if (clang_isConstQualifiedType(t) || ms_classify(t) == MS_T_ARRAY ||
        ms_classify(t) == MS_T_OTHER)
        return 0;
    unsigned eq = eq_begin(ctx, n);
    if (!eq)
        return 0;
    /* __auto_type takes its type from the initialiser */
    return strstr(ms_text_range(ctx, p->begin, eq), "auto_type") == NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    return ms_remove(ctx, eq_begin(ctx, sites[k]), sites[k]->end);
}

MS_MUTATOR(remove_initializer, "Drop the initialiser of a local non-const, non-array variable.", 0);
