/*
 * convert_function_to_knr_definition - rewrite a prototyped function
 * definition in the old identifier-list style.
 *
 *   before:  long scale(long v, const int *k) { return v * *k; }
 *   after:   long scale(v, k)
 *            long v;
 *            const int *k;
 *            { return v * *k; }
 *
 * Sites are top-level, non-variadic, prototyped definitions with at least
 * one parameter outside macros, whose header defines no type and has only
 * white space between the parameter list's ')' and the body, whose
 * parameters are all named (not after a typedef name of the file) and
 * spellable, and whose every parameter type is unchanged by the default
 * argument promotions (no char, short, _Bool, float, enum or other small
 * type): so the old-style definition's type is compatible with the
 * prototype and with every other declaration of the function. When no
 * earlier declaration exists, the original header is sometimes inserted
 * before as a prototype, which keeps later calls checked and converted as
 * before.
 */
#include "mutsmith.h"

#include <stdlib.h>
#include <string.h>

static unsigned name_offset(ms_ctx *ctx, const ms_node *fn)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(fn->cursor), NULL, NULL, NULL, &off);
    const char *name = ms_spelling(ctx, fn->cursor), *src = ms_source(ctx, NULL);
    size_t len = strlen(name);
    if (!len || off <= fn->begin || off + len > fn->end || memcmp(src + off, name, len) != 0)
        return 0;
    return off;
}

/* Is a parameter of type t passed unchanged by the default promotions? */
static int promotion_invariant(CXType t)
{
    switch (clang_getCanonicalType(t).kind) {
    case CXType_Int:
    case CXType_UInt:
    case CXType_Long:
    case CXType_ULong:
    case CXType_LongLong:
    case CXType_ULongLong:
    case CXType_Int128:
    case CXType_UInt128:
    case CXType_Double:
    case CXType_LongDouble:
    case CXType_Pointer:
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_Record:
        return 1;
    default:
        return 0;
    }
}

typedef struct names {
    const char **v;
    int n;
} names;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* '(' and ')' of fn's parameter list: the first '(' after the name and its
 * match before the body; 0 or -1. */
static int param_parens(ms_ctx *ctx, const ms_node *fn, const ms_node *body, unsigned *l,
                        unsigned *r)
{
    const char *src = ms_source(ctx, NULL);
    unsigned i = name_offset(ctx, fn);
    if (!i)
        return -1;
    while (i < body->begin && src[i] != '(')
        i++;
    *l = i;
    for (int depth = 0; i < body->begin; i++) {
        depth += (src[i] == '(') - (src[i] == ')');
        if (depth == 0) {
            *r = i;
            return 0;
        }
    }
    return -1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const names *td = user;
    const ms_node *body = ms_function_body(ctx, n);
    if (n->kind != CXCursor_FunctionDecl || n->parent >= 0 || !body || !ms_editable(ctx, body))
        return 0;
    CXType ft = clang_getCursorType(n->cursor);
    int np = clang_Cursor_getNumArguments(n->cursor);
    if (ft.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(ft) || np < 1)
        return 0;
    const char *src = ms_source(ctx, NULL);
    unsigned l, r;
    if (param_parens(ctx, n, body, &l, &r) != 0)
        return 0;
    for (unsigned i = n->begin; i < body->begin; i++)
        if (src[i] == '{' || (i > r && !strchr(" \t\r\n", src[i])))
            return 0;
    for (int i = 0; i < np; i++) {
        CXCursor p = clang_Cursor_getArgument(n->cursor, (unsigned)i);
        char *pn = ms_spelling(ctx, p);
        CXType pt = clang_getCursorType(p);
        if (!*pn || !promotion_invariant(pt) || !ms_declarator(ctx, pt, pn) ||
            (td->n && bsearch(&pn, td->v, (size_t)td->n, sizeof *td->v, cmp_str)))
            return 0;
    }
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    names td = {NULL, 0};
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind == CXCursor_TypedefDecl) {
            const char *s = ms_spelling(ctx, n->cursor);
            ms_vec_push(ctx, &td.v, &td.n, &s, sizeof s);
        }
    }
    if (td.n)
        qsort(td.v, (size_t)td.n, sizeof *td.v, cmp_str);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &td, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = sites[k], *body = ms_function_body(ctx, fn);
    unsigned l, r;
    if (!body || param_parens(ctx, fn, body, &l, &r) != 0)
        return MS_ERROR;
    char *list = ms_strdup(ctx, ""), *decls = ms_strdup(ctx, "");
    int np = clang_Cursor_getNumArguments(fn->cursor);
    for (int i = 0; i < np; i++) {
        CXCursor p = clang_Cursor_getArgument(fn->cursor, (unsigned)i);
        char *pn = ms_spelling(ctx, p);
        char *d = ms_declarator(ctx, clang_getCursorType(p), pn);
        if (!d)
            return MS_ERROR;
        list = ms_printf(ctx, "%s%s%s", list, i ? ", " : "", pn);
        decls = ms_printf(ctx, "%s%s%s;\n",
                          decls, clang_Cursor_getStorageClass(p) == CX_SC_Register ? "register " : "",
                          d);
    }
    /* no earlier declaration: sometimes keep a prototype in front */
    if (clang_equalCursors(clang_getCanonicalCursor(fn->cursor), fn->cursor) &&
        ms_chance(ctx, 1, 2)) {
        const char *proto = ms_printf(ctx, "%s;\n\n", ms_text_range(ctx, fn->begin, r + 1));
        if (ms_insert(ctx, fn->begin, proto) != MS_MUTATED)
            return MS_ERROR;
    }
    if (ms_replace(ctx, l + 1, r, list) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace(ctx, r + 1, body->begin, ms_printf(ctx, "\n%s", decls));
}

MS_MUTATOR(convert_function_to_knr_definition,
           "Rewrite a prototyped function definition whose parameter types survive the default "
           "promotions as an old-style identifier list with parameter declarations.",
           0);
