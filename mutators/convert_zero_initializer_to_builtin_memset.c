/*
 * convert_zero_initializer_to_builtin_memset - replace the zero
 * initialiser {0} or {} of a local struct, union or array by a
 * __builtin_memset call right after the declaration.
 *
 *   before:  struct S s = {0};
 *   after:   struct S s; __builtin_memset(&s, 0, sizeof s);
 *
 * Sites: a declaration statement directly in a block (not a for header,
 * not the value of a statement expression) declaring exactly one variable
 * without storage class, of record or fixed-size array type (not const or
 * volatile), not declared with [] (its size comes from the initialiser),
 * initialised by {0} or {}. Both forms zero the whole object, as does the
 * memset; the call is placed right after the declaration, where the name
 * refers to the new variable, and &s of a non-register automatic object is
 * valid.
 */
#include "mutsmith.h"

#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Offset of the white space before the '=' of v's initialiser, or 0. */
static unsigned eq_begin(ms_ctx *ctx, const ms_node *v, const ms_node *init)
{
    const char *src = ms_source(ctx, NULL);
    unsigned i = init->begin;
    while (i > v->begin && is_space(src[i - 1]))
        i--;
    if (i <= v->begin || src[i - 1] != '=')
        return 0;
    i--;
    while (i > v->begin && is_space(src[i - 1]))
        i--;
    return i > v->begin ? i : 0;
}

/* The initialiser node of a site's variable, or NULL. */
static const ms_node *site_init(ms_ctx *ctx, const ms_node *d, const ms_node **var)
{
    if (d->kind != CXCursor_DeclStmt || d->nchildren != 1 ||
        ms_stmt_position(ctx, d) != MS_POS_BLOCK || !ms_stmt_is_whole(ctx, d))
        return NULL;
    const ms_node *v = ms_child(ctx, d, 0);
    if (!v || v->kind != CXCursor_VarDecl || v->nchildren < 1 || !ms_editable(ctx, v) ||
        clang_Cursor_getStorageClass(v->cursor) != CX_SC_None)
        return NULL;
    CXType t = clang_getCursorType(v->cursor);
    CXType c = clang_getCanonicalType(t);
    if ((c.kind != CXType_Record && c.kind != CXType_ConstantArray) ||
        clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t) ||
        clang_isConstQualifiedType(c) || clang_isVolatileQualifiedType(c) ||
        clang_Type_getSizeOf(c) <= 0)
        return NULL;
    const ms_node *init = ms_child(ctx, v, v->nchildren - 1);
    if (!init || init->kind != CXCursor_InitListExpr || init->end != v->end)
        return NULL;
    const char *src = ms_source(ctx, NULL);
    if (src[init->begin] != '{' || src[init->end - 1] != '}')
        return NULL;
    unsigned i = init->begin + 1;
    while (i < init->end - 1 && is_space(src[i]))
        i++;
    if (src[i] == '0')
        i++;
    while (i < init->end - 1 && is_space(src[i]))
        i++;
    if (i != init->end - 1)
        return NULL;
    unsigned eq = eq_begin(ctx, v, init);
    if (!eq)
        return NULL;
    /* the declarator part must not have an empty [] (size from the initialiser) */
    for (unsigned j = v->begin; j < eq; j++)
        if (src[j] == '[') {
            unsigned k = j + 1;
            while (k < eq && is_space(src[k]))
                k++;
            if (k < eq && src[k] == ']')
                return NULL;
        }
    const char *pre = ms_text_range(ctx, d->begin, eq);
    if (strstr(pre, "auto_type") || strstr(pre, "register"))
        return NULL;
    *var = v;
    return init;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *v;
    return n->kind == CXCursor_DeclStmt && site_init(ctx, n, &v) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *d = sites[k], *v = NULL;
    const ms_node *init = site_init(ctx, d, &v);
    if (!init || !v)
        return MS_ERROR;
    unsigned eq = eq_begin(ctx, v, init);
    const char *name = ms_spelling(ctx, v->cursor);
    const char *size = ms_chance(ctx, 1, 2) ? ms_printf(ctx, "sizeof %s", name)
                                            : ms_printf(ctx, "sizeof (%s)", name);
    const char *dst = ms_chance(ctx, 1, 2) ? ms_printf(ctx, "&%s", name)
                                           : ms_printf(ctx, "(void *)&%s", name);
    if (ms_remove(ctx, eq, init->end) != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, d),
                     ms_printf(ctx, " __builtin_memset(%s, 0, %s);", dst, size));
}

MS_MUTATOR(convert_zero_initializer_to_builtin_memset,
           "Replace the {0} or {} initialiser of a local struct, union or array variable by a "
           "__builtin_memset(&x, 0, sizeof x) call placed right after its declaration.",
           0);
