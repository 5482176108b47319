/*
 * duplicate_designated_initializer - repeat one designated element at the
 * end of its brace initialiser, so that it initialises the same subobject
 * a second time.
 *
 *   before:  struct P p = { .x = 1, .y = f() };
 *   after:   struct P p = { .x = 1, .y = f(), .x = 1 };
 *   or:      struct P p = { .x = 1, .y = f(), .x = 0 };
 *
 * C11 6.7.9p19: a later initialiser for the same subobject overrides the
 * earlier one (compilers only warn), whatever else lies between. Sites are
 * elements starting with a designator ('.' name or '[') in a written brace
 * list. The copy keeps the designator and the value, or for a single
 * designator of a scalar subobject the value becomes 0 (a constant, valid
 * for integers, floating, enums and pointers, also in static
 * initialisers). Values that define a tag or a label, or initialise a
 * flexible array member, are not copied.
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

static int designated(ms_ctx *ctx, const ms_node *list, const ms_node *e)
{
    const char *src = ms_source(ctx, NULL);
    if (!e || !ms_editable(ctx, e) || e->kind != CXCursor_UnexposedExpr || e->nchildren < 2 ||
        e->begin < list->begin || e->end >= list->end)
        return 0;
    char c = src[e->begin], d = src[e->begin + 1];
    if (c != '[' && !(c == '.' && (isalpha((unsigned char)d) || d == '_' || isspace((unsigned char)d))))
        return 0;
    const ms_node *m = ms_child(ctx, e, 0);
    if (m && m->kind == CXCursor_MemberRef &&
        clang_getCanonicalType(clang_getCursorType(m->cursor)).kind == CXType_IncompleteArray)
        return 0;
    int end = ms_subtree_end(ctx, e);
    for (int i = ms_node_index(ctx, e) + 1; i < end; i++) {
        enum CXCursorKind k = ms_node_at(ctx, i)->kind;
        if (k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
            k == CXCursor_LabelStmt)
            return 0;
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_InitListExpr || n->nchildren < 1)
        return 0;
    const char *src = ms_source(ctx, NULL);
    if (src[n->begin] != '{' || src[n->end - 1] != '}')
        return 0;
    const ms_node *last = ms_child(ctx, n, n->nchildren - 1);
    if (!last || !ms_editable(ctx, last) || last->end >= n->end)
        return 0;
    for (const ms_node *c = ms_child(ctx, n, 0); c; c = ms_node_at(ctx, c->next_sibling))
        if (designated(ctx, n, c))
            return 1;
    return 0;
}

static int scalar(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM || k == MS_T_POINTER ||
           k == MS_T_FUNCPTR;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *list = sites[k];
    const ms_node *elems[64];
    int ne = 0;
    for (const ms_node *c = ms_child(ctx, list, 0); c && ne < 64;
         c = ms_node_at(ctx, c->next_sibling))
        if (designated(ctx, list, c))
            elems[ne++] = c;
    if (ne == 0)
        return MS_ERROR;
    const ms_node *e = elems[ms_rand(ctx, (unsigned)ne)];
    const ms_node *value = ms_child(ctx, e, e->nchildren - 1);
    const ms_node *last = ms_child(ctx, list, list->nchildren - 1);
    if (!value || !last || value->begin <= e->begin)
        return MS_ERROR;
    const char *copy = ms_text(ctx, e);
    if (e->nchildren == 2 && value->kind != CXCursor_InitListExpr && ms_chance(ctx, 1, 2)) {
        const ms_node *d = ms_child(ctx, e, 0);
        const char *src = ms_source(ctx, NULL);
        CXType t = {0};
        if (src[e->begin] == '.' && d->kind == CXCursor_MemberRef)
            t = clang_getCursorType(d->cursor);
        else if (src[e->begin] == '[') {
            CXType lt = clang_getCanonicalType(clang_getCursorType(list->cursor));
            if (lt.kind == CXType_ConstantArray || lt.kind == CXType_IncompleteArray)
                t = clang_getArrayElementType(lt);
        }
        if (t.kind != CXType_Invalid && scalar(t))
            copy = ms_printf(ctx, "%s0", ms_text_range(ctx, e->begin, value->begin));
    }
    return ms_insert(ctx, last->end, ms_printf(ctx, ", %s", copy));
}

MS_MUTATOR(duplicate_designated_initializer,
           "Append a copy of a designated element (.field = v or [i] = v) to the end of its brace "
           "initialiser, keeping the value or using 0 for a scalar, so the subobject is "
           "initialised twice.",
           0);
