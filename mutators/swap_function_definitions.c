/*
 * swap_function_definitions - exchange two adjacent function definitions
 * and declare both before them.
 *
 *   before:  static int sq(int x) { return x * x; }
 *            int quad(int x) { return sq(sq(x)); }
 *   after:   static int sq(int x);
 *            int quad(int x);
 *            int quad(int x) { return sq(sq(x)); }
 *            static int sq(int x) { return x * x; }
 *
 * Sites are pairs of top-level function definitions outside macros with
 * only white space and comments between them, each prototyped or with an
 * empty "()" list (no K&R parameter lists), with no type defined in a
 * header and no preprocessor directive inside either. The prototypes are
 * the headers' own text plus ';', in the original order, placed where the
 * first definition began: everything the headers name is visible there, and
 * every call of either function, before or after the swap, sees a
 * declaration of it.
 */
#include "mutsmith.h"

#include <string.h>

/* fn's header up to the body, as a prototype. */
static char *prototype(ms_ctx *ctx, const ms_node *fn, const ms_node *body)
{
    const char *src = ms_source(ctx, NULL);
    unsigned e = body->begin;
    while (e > fn->begin && strchr(" \t\r\n\f\v", src[e - 1]))
        e--;
    char *h = ms_text_range(ctx, fn->begin, e);
    const char *nl = strrchr(h, '\n');
    return ms_printf(ctx, strstr(nl ? nl : h, "//") ? "%s\n;" : "%s;", h);
}

/* Only white space and comments in [b, e)? */
static int blank(const char *s, unsigned b, unsigned e)
{
    while (b < e) {
        if (strchr(" \t\r\n\f\v", s[b])) {
            b++;
        } else if (s[b] == '/' && b + 1 < e && s[b + 1] == '/') {
            while (b < e && s[b] != '\n')
                b++;
        } else if (s[b] == '/' && b + 1 < e && s[b + 1] == '*') {
            for (b += 2; b + 1 < e && !(s[b] == '*' && s[b + 1] == '/'); b++)
                ;
            if (b + 1 >= e)
                return 0;
            b += 2;
        } else {
            return 0;
        }
    }
    return 1;
}

/* A definition that can move: prototyped or "()", no type defined in its
 * header, no line starting with '#' inside. */
static int movable(ms_ctx *ctx, const ms_node *fn)
{
    const ms_node *body = ms_function_body(ctx, fn);
    if (!fn || fn->kind != CXCursor_FunctionDecl || fn->parent >= 0 || !body ||
        !ms_editable(ctx, fn))
        return 0;
    CXType ft = clang_getCursorType(fn->cursor);
    if (ft.kind == CXType_FunctionNoProto ? clang_Cursor_getNumArguments(fn->cursor) != 0
                                          : ft.kind != CXType_FunctionProto)
        return 0;
    const char *src = ms_source(ctx, NULL);
    for (unsigned i = fn->begin; i < body->begin; i++)
        if (src[i] == '{')
            return 0;
    int line_start = 1;
    for (unsigned i = fn->begin; i < fn->end; i++) {
        if (src[i] == '\n')
            line_start = 1;
        else if (src[i] == '#' && line_start)
            return 0;
        else if (!strchr(" \t\r\f\v", src[i]))
            line_start = 0;
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FunctionDecl || n->parent >= 0 || !movable(ctx, n))
        return 0;
    const ms_node *next = ms_node_at(ctx, ms_subtree_end(ctx, n));
    return next && movable(ctx, next) && next->begin >= n->end &&
           blank(ms_source(ctx, NULL), n->end, next->begin);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *a = sites[k], *b = ms_node_at(ctx, ms_subtree_end(ctx, a));
    if (!b)
        return MS_ERROR;
    const char *protos = ms_printf(ctx, "%s\n%s\n\n", prototype(ctx, a, ms_function_body(ctx, a)),
                                   prototype(ctx, b, ms_function_body(ctx, b)));
    if (ms_insert(ctx, a->begin, protos) != MS_MUTATED ||
        ms_replace(ctx, a->begin, a->end, ms_text(ctx, b)) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace(ctx, b->begin, b->end, ms_text(ctx, a));
}

MS_MUTATOR(swap_function_definitions,
           "Exchange two adjacent function definitions after declaring both with copies of their "
           "headers.",
           0);
