/*
 * call_through_function_pointer - rewrite the callee of a call as an
 * equivalent function designator or pointer expression.
 *
 *   before:  r = add(a, b);      after:  r = (*add)(a, b);
 *   before:  s->cb(x);           after:  (**(s->cb))(x);
 *
 * A function designator decays to a pointer and *p of a function pointer is
 * again a designator, so *f, **f and &*f are valid for every callee of
 * function or function-pointer type; &f only for a named function. Builtins
 * (__builtin_*, other __ names, alloca, functions without a declaration in
 * a file) have no address and are not sites.
 */
#include "mutsmith.h"

#include <string.h>

/* The callee expression below its implicit conversions. */
static const ms_node *callee(ms_ctx *ctx, const ms_node *call)
{
    const ms_node *c = ms_child(ctx, call, 0);
    while (c && c->kind == CXCursor_UnexposedExpr && c->nchildren == 1) {
        const ms_node *d = ms_child(ctx, c, 0);
        if (!d || d->begin != c->begin || d->end != c->end)
            break;
        c = d;
    }
    return c;
}

/* 2: named function (& allowed), 1: function or function pointer, 0: no site */
static int callee_class(ms_ctx *ctx, const ms_node *c)
{
    if (!c || !ms_editable(ctx, c) || c->begin >= c->end)
        return 0;
    ms_tclass t = ms_classify(clang_getCursorType(c->cursor));
    if (t != MS_T_FUNCTION && t != MS_T_FUNCPTR)
        return 0;
    if (c->kind == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c->cursor);
        if (d.kind == CXCursor_FunctionDecl) {
            const char *name = ms_spelling(ctx, d);
            CXFile f = NULL;
            clang_getSpellingLocation(clang_getCursorLocation(d), &f, NULL, NULL, NULL);
            if (!f || !name || strncmp(name, "__", 2) == 0 || strcmp(name, "alloca") == 0)
                return 0;
            return 2;
        }
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_CallExpr && n->nchildren >= 1 &&
           callee_class(ctx, callee(ctx, n)) > 0;
}

static int mutate(ms_ctx *ctx)
{
    static const char *const prefix[] = {"*", "**", "&*", "&"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *c = callee(ctx, sites[k]);
    int cls = callee_class(ctx, c);
    if (cls == 0)
        return MS_ERROR;
    const char *t = ms_text(ctx, c);
    if (c->kind != CXCursor_DeclRefExpr)
        t = ms_printf(ctx, "(%s)", t);
    const char *p = prefix[ms_rand(ctx, cls == 2 ? 4 : 3)];
    if (ms_replace_node(ctx, c, ms_printf(ctx, "(%s%s)", p, t)) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(call_through_function_pointer,
           "Rewrite a direct call f(args) as the equivalent call through a function designator "
           "expression such as (*f)(args), (&f)(args) or (**f)(args).",
           0);
