/*
 * duplicate_function - copy a function definition under a fresh name and
 * redirect one call to the copy.
 *
 *   before:  static int sq(int x) { return x * x; }  ...  y = sq(3);
 *   after:   static int sq(int x) { return x * x; }
 *            static int sq_0(int x) { return x * x; }  ...  y = sq_0(3);
 *
 * Sites are function definitions other than main outside macros whose
 * return type does not define a struct. The copy follows the original, so
 * only calls after the original definition may be redirected (one of them
 * at random, by name); without such a call the copy stays unused.
 */
#include "mutsmith.h"

#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, n) || n->parent >= 0 ||
        strcmp(ms_spelling(ctx, n->cursor), "main") == 0)
        return 0;
    unsigned off = ms_name_offset(ctx, n);
    return off > n->begin && !strchr(ms_text_range(ctx, n->begin, off), '{');
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = sites[k];
    const char *name = ms_spelling(ctx, fn->cursor);
    const char *copy = ms_fresh_name(ctx, name);
    unsigned off = ms_name_offset(ctx, fn);
    const char *text = ms_printf(ctx, "\n\n%s%s%s", ms_text_range(ctx, fn->begin, off), copy,
                                 ms_text_range(ctx, off + (unsigned)strlen(name), fn->end));
    if (ms_insert(ctx, fn->end, text) != MS_MUTATED)
        return MS_ERROR;
    /* calls by name after the definition */
    CXCursor canon = clang_getCanonicalCursor(fn->cursor);
    const ms_node **calls = NULL;
    int ncalls = 0;
    for (int i = ms_node_index(ctx, fn) + 1; i < ms_node_count(ctx); i++) {
        const ms_node *r = ms_node_at(ctx, i), *p = ms_parent(ctx, r), *c = r;
        if (r->kind != CXCursor_DeclRefExpr || r->begin < fn->end || !ms_editable(ctx, r) ||
            !clang_equalCursors(clang_getCanonicalCursor(clang_getCursorReferenced(r->cursor)),
                                canon))
            continue;
        while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
            c = p, p = ms_parent(ctx, p);
        if (p && p->kind == CXCursor_CallExpr && ms_child(ctx, p, 0) == c)
            ms_vec_push(ctx, &calls, &ncalls, &r, sizeof r);
    }
    if (ncalls == 0)
        return MS_MUTATED;
    return ms_replace_node(ctx, calls[ms_rand(ctx, (unsigned)ncalls)], copy);
}

MS_MUTATOR(duplicate_function,
           "Copy a function under a fresh name and redirect one later call to the copy.", 0);
