/*
 * toggle_inline_static - add or remove `inline` / `static` on a function.
 *
 *   before:  int sq(int x) { return x * x; }
 *   after:   static inline int sq(int x) { return x * x; }
 *
 * Sites are function definitions other than main whose declarations are
 * all in the file at file scope, outside macros, and none `extern`.
 * Operations: make a non-static function `static inline` (every
 * declaration gets `static`, so none is non-static), add `inline` to a
 * static one, remove `inline` from the definition, or remove `static` from
 * every declaration of a static function.
 */
#include "mutsmith.h"

#include <string.h>

enum { ADD_STATIC_INLINE, ADD_INLINE, DEL_INLINE, DEL_STATIC };

static int is_ident(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Offset of the keyword `word` before the name of declaration d, or -1. */
static long find_word(ms_ctx *ctx, const ms_node *d, const char *word)
{
    unsigned name = 0;
    clang_getExpansionLocation(clang_getCursorLocation(d->cursor), NULL, NULL, NULL, &name);
    const char *src = ms_source(ctx, NULL);
    size_t len = strlen(word);
    for (unsigned i = d->begin; i + len <= name; i++)
        if (memcmp(src + i, word, len) == 0 && (i == d->begin || !is_ident(src[i - 1])) &&
            !is_ident(src[i + len]))
            return i;
    return -1;
}

/* The declarations of fn (an arena array), or NULL when one is unsuitable. */
static const ms_node **decls_of(ms_ctx *ctx, const ms_node *fn, int *count)
{
    const ms_node **v;
    *count = 0;
    if (!clang_Location_isFromMainFile(
            clang_getCursorLocation(clang_getCanonicalCursor(fn->cursor))))
        return NULL;
    int nd = ms_declarations_of(ctx, fn->cursor, &v);
    for (int i = 0; i < nd; i++) {
        const ms_node *n = v[i];
        if (n->kind != CXCursor_FunctionDecl || n->parent >= 0 || !ms_editable(ctx, n) ||
            find_word(ctx, n, "extern") >= 0)
            return NULL;
    }
    *count = nd;
    return v;
}

static unsigned ops_for(ms_ctx *ctx, const ms_node *fn)
{
    int nd;
    if (fn->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, fn) ||
        strcmp(ms_spelling(ctx, fn->cursor), "main") == 0 || !decls_of(ctx, fn, &nd))
        return 0;
    int is_static = clang_Cursor_getStorageClass(fn->cursor) == CX_SC_Static;
    int inl = find_word(ctx, fn, "inline") >= 0;
    unsigned ops = inl ? 1u << DEL_INLINE : is_static ? 1u << ADD_INLINE : 1u << ADD_STATIC_INLINE;
    return is_static ? ops | 1u << DEL_STATIC : ops;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_FunctionDecl && ops_for(ctx, n) != 0;
}

static int remove_word(ms_ctx *ctx, const ms_node *d, const char *word)
{
    long at = find_word(ctx, d, word);
    if (at < 0)
        return MS_MUTATED; /* static via an earlier declaration */
    const char *src = ms_source(ctx, NULL);
    unsigned e = (unsigned)at + (unsigned)strlen(word);
    while (src[e] == ' ' || src[e] == '\t' || src[e] == '\n')
        e++;
    return ms_remove(ctx, (unsigned)at, e);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = sites[k];
    unsigned ops = ops_for(ctx, fn), op;
    do
        op = ms_rand(ctx, 4);
    while (!(ops & (1u << op)));
    long st = find_word(ctx, fn, "static");
    if (op == ADD_INLINE) /* "static inline", or "inline" when static came earlier */
        return st >= 0 ? ms_insert(ctx, (unsigned)st + 6, " inline")
                       : ms_insert(ctx, fn->begin, "inline ");
    if (op == DEL_INLINE)
        return remove_word(ctx, fn, "inline");
    int nd;
    const ms_node **d = decls_of(ctx, fn, &nd);
    for (int i = 0; i < nd; i++) {
        int rc = op == DEL_STATIC ? remove_word(ctx, d[i], "static")
                 : d[i] == fn     ? ms_insert(ctx, fn->begin, "static inline ")
                                  : ms_insert(ctx, d[i]->begin, "static ");
        if (rc != MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(toggle_inline_static, "Add or remove inline or static on a function definition.", 0);
