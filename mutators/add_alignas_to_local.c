/*
 * add_alignas_to_local - add a C11 _Alignas(N) specifier to a local
 * variable declaration.
 *
 *   before:  int n = 3, m;      after:  _Alignas(16) int n = 3, m;
 *
 * Sites: block-scope declaration statements whose children are all
 * variables (no typedef, tag definition or function declaration), none
 * register or extern, none already carrying an alignment. N is the largest
 * natural alignment among the declared variables times 1, 2, 4 or 8, so it
 * is never less strict than required. The specifier goes in front of the
 * declaration specifiers and so applies to every declarator.
 */
#include "mutsmith.h"

#include <string.h>

/* Largest alignment of the variables declared by d, or 0 if d is no site. */
static long long site_align(ms_ctx *ctx, const ms_node *d)
{
    const ms_node *p = ms_parent(ctx, d);
    if (d->kind != CXCursor_DeclStmt || !p || d->nchildren == 0 || !ms_enclosing_function(ctx, d))
        return 0;
    long long best = 0;
    for (int i = 0; i < d->nchildren; i++) {
        const ms_node *v = ms_child(ctx, d, i);
        if (!v || v->kind != CXCursor_VarDecl)
            return 0;
        enum CX_StorageClass sc = clang_Cursor_getStorageClass(v->cursor);
        if (sc == CX_SC_Register || sc == CX_SC_Extern)
            return 0;
        long long a = clang_Type_getAlignOf(clang_getCursorType(v->cursor));
        if (a <= 0)
            return 0;
        if (a > best)
            best = a;
    }
    char *text = ms_text(ctx, d);
    if (strstr(text, "lign") || strstr(text, "auto_type") || strstr(text, "typeof") ||
        strstr(text, "register"))
        return 0;
    return best;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_DeclStmt && site_align(ctx, n) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    long long a = site_align(ctx, sites[k]);
    long long na = a << ms_rand(ctx, 4);
    if (na > 4096)
        na = a;
    return ms_insert(ctx, sites[k]->begin, ms_printf(ctx, "_Alignas(%lld) ", na));
}

MS_MUTATOR(add_alignas_to_local,
           "Add a C11 _Alignas(N) specifier, N a power-of-two multiple of the natural alignment, "
           "to a local variable declaration.",
           0);
