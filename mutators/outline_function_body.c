/*
 * outline_function_body - move a function's body into a new static function
 * and make the original forward its parameters to it.
 *
 *   before:  int area(int w, int h) { int a = w * h; return a; }
 *   after:   static int area_body_0(int w, int h)
 *            { int a = w * h; return a; }
 *            int area(int w, int h) { return area_body_0(w, h); }
 *
 * Sites are top-level, non-variadic function definitions other than main,
 * prototyped or with an empty "()" list, whose parameters are all named and
 * spellable (no variably modified type), whose return type is spellable,
 * whose header defines no type and whose body takes no label's address
 * (&&label). The new function has the same return type and parameters
 * (printed from their types), so the body means the same there: it sees
 * every file-scope name visible at the original, its static locals and
 * labels move along, and only __func__ changes. When the body names the
 * function itself, the original header is repeated as a prototype first.
 */
#include "mutsmith.h"

#include <string.h>

/* "T name(P1 p1, P2 p2)" for fn with its name replaced by name, and the
 * argument list "p1, p2" in *args; NULL when a type cannot be spelled. */
static char *signature(ms_ctx *ctx, const ms_node *fn, const char *name, const char **args)
{
    CXType ft = clang_getCursorType(fn->cursor);
    int np = clang_Cursor_getNumArguments(fn->cursor);
    if (np < 0)
        return NULL;
    char *params = ms_strdup(ctx, np == 0 ? "void" : "");
    char *list = ms_strdup(ctx, "");
    for (int i = 0; i < np; i++) {
        CXCursor p = clang_Cursor_getArgument(fn->cursor, (unsigned)i);
        char *pn = ms_spelling(ctx, p);
        char *d = *pn ? ms_declarator(ctx, clang_getCursorType(p), pn) : NULL;
        if (!d)
            return NULL;
        params = ms_printf(ctx, "%s%s%s", params, i ? ", " : "", d);
        list = ms_printf(ctx, "%s%s%s", list, i ? ", " : "", pn);
    }
    *args = list;
    return ms_declarator(ctx, clang_getResultType(ft), ms_printf(ctx, "%s(%s)", name, params));
}

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

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *body = ms_function_body(ctx, n);
    if (n->kind != CXCursor_FunctionDecl || n->parent >= 0 || !body || !ms_editable(ctx, body) ||
        strcmp(ms_spelling(ctx, n->cursor), "main") == 0)
        return 0;
    CXType ft = clang_getCursorType(n->cursor);
    if (ft.kind == CXType_FunctionNoProto ? clang_Cursor_getNumArguments(n->cursor) != 0
                                          : ft.kind != CXType_FunctionProto ||
                                                clang_isFunctionTypeVariadic(ft))
        return 0;
    if (strchr(ms_text_range(ctx, n->begin, body->begin), '{') ||
        ms_subtree_has(ctx, body, CXCursor_AddrLabelExpr))
        return 0;
    const char *args;
    return signature(ctx, n, "f", &args) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = sites[k], *body = ms_function_body(ctx, fn);
    const char *name = ms_spelling(ctx, fn->cursor), *args;
    const char *outlined = ms_fresh_name(ctx, ms_printf(ctx, "%s_body", name));
    char *sig = signature(ctx, fn, outlined, &args);
    if (!sig || !body)
        return MS_ERROR;
    /* does the body name the function itself? then declare it first */
    CXCursor canon = clang_getCanonicalCursor(fn->cursor);
    int self = 0, end = ms_subtree_end(ctx, body);
    for (int i = ms_node_index(ctx, body); i < end && !self; i++) {
        const ms_node *r = ms_node_at(ctx, i);
        self = r->kind == CXCursor_DeclRefExpr &&
               clang_equalCursors(clang_getCanonicalCursor(clang_getCursorReferenced(r->cursor)),
                                  canon);
    }
    const char *text = ms_printf(ctx, "%s%sstatic %s\n%s\n", self ? prototype(ctx, fn, body) : "",
                                 self ? "\n\n" : "", sig, ms_text(ctx, body));
    int is_void = ms_classify(clang_getResultType(clang_getCursorType(fn->cursor))) == MS_T_VOID;
    const char *call = ms_printf(ctx, "{\n    %s%s(%s);\n}", is_void ? "" : "return ", outlined, args);
    if (ms_insert_before_toplevel(ctx, fn, text) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace_node(ctx, body, call);
}

MS_MUTATOR(outline_function_body,
           "Move a function body into a new static function with the same parameters and make "
           "the original return a call to it.",
           0);
