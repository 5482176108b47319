/*
 * add_variable_attribute - attach a GNU variable attribute right after the
 * declarator of a variable or parameter.
 *
 *   before:  static int hits = 3;
 *   after:   static int hits __attribute__((used)) = 3;
 *   before:  int f(int a, char *b)
 *   after:   int f(int a __attribute__((unused)), char *b)
 *
 * Attributes and where they are valid:
 *   unused      any variable or named parameter;
 *   deprecated  any variable (uses only warn);
 *   used        variables with static storage that are defined here: file
 *               scope without extern, or block-scope static;
 *   aligned(N)  block-scope variables that are not extern or register,
 *               N a power of two from the natural alignment to 8 times it
 *               (a block-scope variable has no other declaration whose
 *               alignment could disagree).
 * Only declarations of a single declarator are sites (the text before the
 * name has no top-level comma and a ';' follows the declaration), so the
 * attribute placed after the declarator, before any "= init", applies to
 * that one variable.
 */
#include "mutsmith.h"

#include <string.h>

enum { A_UNUSED = 1, A_DEPRECATED = 2, A_USED = 4, A_ALIGNED = 8 };

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int ident_char(char c)
{
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned name_offset(ms_ctx *ctx, const ms_node *n)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(n->cursor), NULL, NULL, NULL, &off);
    const char *name = ms_spelling(ctx, n->cursor);
    size_t len = strlen(name);
    const char *src = ms_source(ctx, NULL);
    if (!len || off < n->begin || off + len > n->end || memcmp(src + off, name, len) != 0)
        return 0;
    return off;
}

/* Insertion offset after the declarator of n (0: not a site); the valid
 * attributes go to *mask. */
static unsigned site(ms_ctx *ctx, const ms_node *n, unsigned *mask)
{
    if (n->kind != CXCursor_VarDecl && n->kind != CXCursor_ParmDecl)
        return 0;
    unsigned name = name_offset(ctx, n);
    if (!name)
        return 0;
    const char *src = ms_source(ctx, NULL);
    size_t len;
    ms_source(ctx, &len);
    unsigned at = n->end;
    CXCursor init = clang_Cursor_getVarDeclInitializer(n->cursor);
    if (n->kind == CXCursor_VarDecl && !clang_Cursor_isNull(init)) {
        const ms_node *in = n->nchildren ? ms_child(ctx, n, n->nchildren - 1) : NULL;
        if (!in || in->end != n->end || in->begin <= name)
            return 0;
        unsigned i = in->begin;
        while (i > name && is_space(src[i - 1]))
            i--;
        if (i <= name || src[i - 1] != '=')
            return 0;
        i--;
        while (i > name && is_space(src[i - 1]))
            i--;
        at = i;
    }
    if (at <= name || !(ident_char(src[at - 1]) || src[at - 1] == ']' || src[at - 1] == ')'))
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (n->kind == CXCursor_ParmDecl) {
        *mask = A_UNUSED;
        return at;
    }
    /* a single declarator: nothing but the specifiers before it, ';' after it */
    unsigned comma;
    if (ms_top_level_chars(ctx, n->begin, name, ',', &comma, 1) != 0)
        return 0;
    unsigned j = n->end;
    while (j < len && is_space(src[j]))
        j++;
    if (j >= len || src[j] != ';')
        return 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cursor);
    int local = p && p->kind == CXCursor_DeclStmt;
    int file = !p || p->kind == CXCursor_TranslationUnit;
    if (!local && !file)
        return 0;
    *mask = A_UNUSED | A_DEPRECATED;
    if ((file && (sc == CX_SC_None || sc == CX_SC_Static)) || (local && sc == CX_SC_Static))
        *mask |= A_USED;
    long long a = clang_Type_getAlignOf(clang_getCursorType(n->cursor));
    if (local && (sc == CX_SC_None || sc == CX_SC_Static) && a > 0 && a <= 512 &&
        !strstr(ms_text_range(ctx, n->begin, name), "register"))
        *mask |= A_ALIGNED;
    return at;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned mask;
    return (n->kind == CXCursor_VarDecl || n->kind == CXCursor_ParmDecl) && site(ctx, n, &mask);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned mask = 0;
    unsigned at = site(ctx, sites[k], &mask);
    if (!at || !mask)
        return MS_ERROR;
    int choices[4], nc = 0;
    for (int b = 0; b < 4; b++)
        if (mask & (1u << b))
            choices[nc++] = 1 << b;
    const char *attr = "unused";
    switch (choices[ms_rand(ctx, (unsigned)nc)]) {
    case A_DEPRECATED:
        attr = "deprecated";
        break;
    case A_USED:
        attr = "used";
        break;
    case A_ALIGNED:
        attr = ms_printf(ctx, "aligned(%lld)",
                         clang_Type_getAlignOf(clang_getCursorType(sites[k]->cursor))
                             << ms_rand(ctx, 4));
        break;
    default:
        break;
    }
    return ms_insert(ctx, at, ms_printf(ctx, " __attribute__((%s))", attr));
}

MS_MUTATOR(add_variable_attribute,
           "Add a GNU attribute (unused, deprecated, used or aligned(N), each only where valid) "
           "right after the declarator of a single-declarator variable or a named parameter.",
           0);
