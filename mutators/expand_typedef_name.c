/*
 * expand_typedef_name - replace one use of a typedef name by the type it
 * stands for, spelled out.
 *
 *   before:  typedef unsigned long ul; typedef struct node node_t;
 *            ul n = 0; node_t *p;
 *   after:   unsigned long n = 0; node_t *p;
 *
 * Sites: type references (CXCursor_TypeRef) to a typedef whose canonical
 * type is an arithmetic, enum or named struct/union type, possibly
 * qualified. Such a type is a plain specifier list, so it can stand where
 * the typedef name stood in any declaration, cast, sizeof or compound
 * literal; pointer, array and function typedefs are left alone (their
 * declarator parts would bind differently), as are anonymous tags, which
 * cannot be spelled.
 */
#include "mutsmith.h"

#include <string.h>

/* The spelled-out type for typedef reference n, or NULL if n is no site. */
static const char *expansion(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind != CXCursor_TypeRef)
        return NULL;
    CXCursor ref = clang_getCursorReferenced(n->cursor);
    if (ref.kind != CXCursor_TypedefDecl)
        return NULL;
    CXType canon = clang_getCanonicalType(clang_getCursorType(ref));
    ms_tclass c = ms_classify(canon);
    if (c != MS_T_INT && c != MS_T_FLOAT && c != MS_T_ENUM && c != MS_T_RECORD)
        return NULL;
    const char *name = ms_spelling(ctx, ref);
    if (!*name || strcmp(ms_text(ctx, n), name) != 0)
        return NULL;
    char *s = ms_type_name(ctx, canon);
    if (!s || !*s || strchr(s, '(') || strchr(s, ':') || strstr(s, "unnamed") ||
        strstr(s, "anonymous") || strcmp(s, name) == 0)
        return NULL;
    return s;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_TypeRef && expansion(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *s = expansion(ctx, sites[k]);
    if (!s)
        return MS_ERROR;
    return ms_replace_node(ctx, sites[k], s);
}

MS_MUTATOR(expand_typedef_name,
           "Replace one use of a typedef name denoting a plain arithmetic, enum or named "
           "struct/union type with its spelled-out underlying type.",
           0);
