/*
 * add_function_attribute - put a GNU function attribute in front of a
 * function definition.
 *
 *   before:  static int f(int x) { ... }
 *   after:   __attribute__((noinline)) static int f(int x) { ... }
 *
 * Only functions none of whose declarations in the file carries an
 * attribute are chosen, so the new attribute cannot conflict with one
 * already there (hot/cold, noinline/always_inline, minsize/optnone).
 */
#include "mutsmith.h"
#include <string.h>

static const char *const attrs[] = {"noinline", "cold",    "hot",     "flatten", "unused",
                                    "used",     "minsize", "nothrow", "optnone"};

static int has_attribute(ms_ctx *ctx, const ms_node *fn)
{
    for (int i = 0; i < fn->nchildren; i++) {
        const ms_node *c = ms_child(ctx, fn, i);
        if (c && clang_isAttribute(c->kind))
            return 1;
    }
    const ms_node *body = ms_function_body(ctx, fn);
    unsigned end = body ? body->begin : fn->end;
    if (end <= fn->begin)
        return 1;
    char *head = ms_text_range(ctx, fn->begin, end);
    return strstr(head, "__attribute") || strstr(head, "[[") || strstr(head, "__declspec");
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, n))
        return 0;
    CXCursor canon = clang_getCanonicalCursor(n->cursor);
    int count = ms_node_count(ctx);
    for (int i = 0; i < count; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->kind != CXCursor_FunctionDecl ||
            !clang_equalCursors(clang_getCanonicalCursor(d->cursor), canon))
            continue;
        if (d->in_macro || has_attribute(ctx, d))
            return 0;
    }
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *a = attrs[ms_rand(ctx, sizeof attrs / sizeof attrs[0])];
    return ms_insert(ctx, sites[k]->begin, ms_printf(ctx, "__attribute__((%s)) ", a));
}

MS_MUTATOR(add_function_attribute,
           "Add a GNU attribute such as noinline, cold, hot, flatten or unused to a function "
           "definition whose declarations carry no attributes.",
           0);
