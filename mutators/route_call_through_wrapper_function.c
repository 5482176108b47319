/*
 * route_call_through_wrapper_function - make a call go through a new static
 * function that forwards its arguments to the original callee.
 *
 *   before:  int twice(int x) { return add(x, x); }
 *   after:   static int add_wrap_0(int arg_1, int arg_2) { return (add)(arg_1, arg_2); }
 *            int twice(int x) { return add_wrap_0(x, x); }
 *
 * Sites are calls inside function bodies whose callee is a function named
 * directly (through parentheses at most), declared at file scope in the
 * file before the top-level declaration holding the call, with a prototype,
 * no ellipsis, not a builtin, no type defined in that declaration's header
 * and every type spellable (no variably modified parameter). The wrapper's
 * parameters have the callee's parameter types (already adjusted), so each
 * argument is converted exactly once, as before, and its result is the
 * callee's result. It is inserted before the top-level declaration holding
 * the call, where the callee is declared; "(f)" in it cannot expand a
 * function-like macro of the same name.
 */
#include "mutsmith.h"

#include <string.h>

/* The DeclRefExpr naming the callee of call n, or NULL. */
static const ms_node *callee(const ms_ctx *ctx, const ms_node *n)
{
    const ms_node *c = ms_child(ctx, n, 0);
    while (c && (c->kind == CXCursor_ParenExpr ||
                 (c->kind == CXCursor_UnexposedExpr && c->nchildren == 1)))
        c = ms_child(ctx, c, 0);
    return c && c->kind == CXCursor_DeclRefExpr ? c : NULL;
}

/* The wrapper "static R name(P1 a1, ...) { return (f)(a1, ...); }", or NULL. */
static char *wrapper(ms_ctx *ctx, CXCursor fn, const char *name)
{
    CXType ft = clang_getCursorType(fn);
    int np = clang_getNumArgTypes(ft);
    if (np < 0)
        return NULL;
    char *params = ms_strdup(ctx, np == 0 ? "void" : ""), *args = ms_strdup(ctx, "");
    for (int i = 0; i < np; i++) {
        const char *a = name ? ms_fresh_name(ctx, "arg") : "a";
        char *d = ms_declarator(ctx, clang_getArgType(ft, (unsigned)i), a);
        if (!d)
            return NULL;
        params = ms_printf(ctx, "%s%s%s", params, i ? ", " : "", d);
        args = ms_printf(ctx, "%s%s%s", args, i ? ", " : "", a);
    }
    CXType rt = clang_getResultType(ft);
    char *sig = ms_declarator(ctx, rt, ms_printf(ctx, "%s(%s)", name ? name : "w", params));
    if (!sig)
        return NULL;
    return ms_printf(ctx, "static %s\n{\n    %s(%s)(%s);\n}\n", sig,
                     ms_classify(rt) == MS_T_VOID ? "" : "return ", ms_spelling(ctx, fn), args);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_CallExpr || !ms_enclosing_function(ctx, n))
        return 0;
    const ms_node *r = callee(ctx, n), *top = ms_enclosing_toplevel(ctx, n);
    if (!r || !ms_editable(ctx, r) || !top || top->in_macro)
        return 0;
    CXCursor fn = clang_getCursorReferenced(r->cursor);
    CXType ft = clang_getCursorType(fn);
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl || ft.kind != CXType_FunctionProto ||
        clang_isFunctionTypeVariadic(ft) ||
        clang_getCursorKind(clang_getCursorLexicalParent(fn)) != CXCursor_TranslationUnit ||
        strncmp(ms_spelling(ctx, fn), "__", 2) == 0)
        return 0;
    CXSourceRange ext = clang_getCursorExtent(fn);
    unsigned b = 0, e = 0;
    clang_getFileLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &b);
    clang_getFileLocation(clang_getRangeEnd(ext), NULL, NULL, NULL, &e);
    if (!clang_Location_isFromMainFile(clang_getRangeStart(ext)) || b >= e || e > top->begin)
        return 0;
    /* the header defines no type: no '{' in the parameter list or before
     * the name; the first one after them opens the body */
    unsigned off = 0;
    clang_getFileLocation(clang_getCursorLocation(fn), NULL, NULL, NULL, &off);
    const char *src = ms_source(ctx, NULL);
    int depth = 0;
    for (unsigned i = b; i < e; i++) {
        depth += (src[i] == '(') - (src[i] == ')');
        if (src[i] == '{') {
            if (depth != 0 || i < off)
                return 0;
            break;
        }
    }
    return wrapper(ctx, fn, NULL) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *call = sites[k], *r = callee(ctx, call);
    if (!r)
        return MS_ERROR;
    CXCursor fn = clang_getCursorReferenced(r->cursor);
    const char *name = ms_fresh_name(ctx, ms_printf(ctx, "%s_wrap", ms_spelling(ctx, fn)));
    char *text = wrapper(ctx, fn, name);
    if (!text || ms_insert_before_toplevel(ctx, call, text) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace_node(ctx, r, name);
}

MS_MUTATOR(route_call_through_wrapper_function,
           "Redirect a call to a new static function with the callee's parameter types that "
           "forwards its arguments to the callee.",
           0);
