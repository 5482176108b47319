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

/* Canonical cursors of the functions with a declaration that carries an
 * attribute or comes from a macro, sorted by hash: built once per call. */
typedef struct bad_set {
    unsigned *hash;
    CXCursor *canon;
    int n;
} bad_set;

static void bad_add(ms_ctx *ctx, bad_set *b, CXCursor canon)
{
    /* insertion keeps the arrays sorted; the set is small in real programs */
    int at = b->n, nh = b->n;
    unsigned h = clang_hashCursor(canon);
    ms_vec_push(ctx, &b->hash, &nh, &h, sizeof h);
    ms_vec_push(ctx, &b->canon, &b->n, &canon, sizeof canon);
    while (at > 0 && b->hash[at - 1] > h) {
        b->hash[at] = b->hash[at - 1];
        b->canon[at] = b->canon[at - 1];
        at--;
    }
    b->hash[at] = h;
    b->canon[at] = canon;
}

static int bad_has(const bad_set *b, CXCursor canon)
{
    unsigned h = clang_hashCursor(canon);
    int lo = 0, hi = b->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (b->hash[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < b->n && b->hash[lo] == h; lo++)
        if (clang_equalCursors(b->canon[lo], canon))
            return 1;
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    return n->kind == CXCursor_FunctionDecl && ms_function_body(ctx, n) &&
           !bad_has(user, clang_getCanonicalCursor(n->cursor));
}

static int mutate(ms_ctx *ctx)
{
    bad_set bad = {NULL, NULL, 0};
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->kind == CXCursor_FunctionDecl && (d->in_macro || has_attribute(ctx, d)))
            bad_add(ctx, &bad, clang_getCanonicalCursor(d->cursor));
    }
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &bad, &sites);
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
