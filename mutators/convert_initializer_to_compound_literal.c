/*
 * convert_initializer_to_compound_literal - initialise a local struct or
 * union from a compound literal instead of a brace list.
 *
 *   before:  struct point p = {1, 2};
 *   after:   struct point p = (struct point){1, 2};
 *
 * Sites are variables with automatic storage (block scope, not static or
 * extern) of struct or union type whose initializer is a brace list and
 * whose type can be spelled (no anonymous struct). Arrays are never sites:
 * an array cannot be initialised from a compound literal.
 */
#include "mutsmith.h"

static const ms_node *init_list(ms_ctx *ctx, const ms_node *n)
{
    CXCursor init = clang_Cursor_getVarDeclInitializer(n->cursor);
    if (clang_Cursor_isNull(init) || clang_getCursorKind(init) != CXCursor_InitListExpr)
        return NULL;
    const ms_node *i = ms_find(ctx, init);
    if (!i || !ms_editable(ctx, i) || i->begin >= i->end)
        return NULL;
    size_t len;
    const char *src = ms_source(ctx, &len);
    return src[i->begin] == '{' ? i : NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_VarDecl || !ms_enclosing_function(ctx, n))
        return 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cursor);
    if (sc == CX_SC_Static || sc == CX_SC_Extern)
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    if (ms_classify(t) != MS_T_RECORD || !ms_type_name(ctx, t))
        return 0;
    return init_list(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *init = init_list(ctx, sites[k]);
    char *type = ms_type_name(ctx, clang_getCursorType(sites[k]->cursor));
    if (!init || !type)
        return MS_ERROR;
    return ms_insert(ctx, init->begin, ms_printf(ctx, "(%s)", type));
}

MS_MUTATOR(convert_initializer_to_compound_literal,
           "Rewrite the brace initializer of a local struct or union variable as a compound "
           "literal of the same type, S s = (S){...};.",
           0);
