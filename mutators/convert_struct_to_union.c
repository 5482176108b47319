/*
 * convert_struct_to_union - turn a struct into a union: its definition and
 * every other `struct TAG` of the file.
 *
 *   before:  struct P { int x; char *s; }; struct P *p; int n = sizeof(struct P);
 *   after:   union P { int x; char *s; }; union P *p; int n = sizeof(union P);
 *
 * Member accesses, assignments, sizeof and pointers mean the same things
 * for a union, so the file stays valid. Sites are struct definitions with
 * at least two named fields and no flexible array member, where every
 * declaration and reference of the tag spells the keyword `struct` right
 * before the tag name (all are rewritten; none in a macro). Skipped: a
 * struct that a positional brace initializer of more than one element
 * could initialise (itself, an array of it, a record containing it: a
 * union takes one element), and files with static assertions (offsetof,
 * sizeof checks).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

/* The records that a positional brace initializer of several elements
 * could initialise: the initialised type itself, its element and member
 * types, recursively; an open-addressing set of canonical declarations. */
typedef struct covered {
    CXCursor *slot; /* null cursor: empty */
    unsigned cap, n;
} covered;

typedef struct walk {
    ms_ctx *ctx;
    covered *cov;
} walk;

static int set_find(const covered *cov, CXCursor d, unsigned *at)
{
    unsigned i = clang_hashCursor(d) & (cov->cap - 1);
    while (!clang_Cursor_isNull(cov->slot[i])) {
        if (clang_equalCursors(cov->slot[i], d)) {
            *at = i;
            return 1;
        }
        i = (i + 1) & (cov->cap - 1);
    }
    *at = i;
    return 0;
}

/* Add d; 0 when it was there already. */
static int set_add(ms_ctx *ctx, covered *cov, CXCursor d)
{
    unsigned at;
    if (2 * (cov->n + 1) > cov->cap) {
        covered big = {NULL, cov->cap ? 2 * cov->cap : 64, 0};
        big.slot = ms_alloc(ctx, sizeof *big.slot * big.cap);
        for (unsigned i = 0; i < big.cap; i++)
            big.slot[i] = clang_getNullCursor();
        for (unsigned i = 0; i < cov->cap; i++)
            if (!clang_Cursor_isNull(cov->slot[i])) {
                set_find(&big, cov->slot[i], &at);
                big.slot[at] = cov->slot[i];
                big.n++;
            }
        *cov = big;
    }
    if (set_find(cov, d, &at))
        return 0;
    cov->slot[at] = d;
    cov->n++;
    return 1;
}

static void reach(walk *w, CXType t);

static enum CXVisitorResult field_visit(CXCursor c, CXClientData data)
{
    reach(data, clang_getCursorType(c));
    return CXVisit_Continue;
}

static void reach(walk *w, CXType t)
{
    t = clang_getCanonicalType(t);
    while (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray)
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    if (t.kind != CXType_Record)
        return;
    CXCursor d = clang_getCanonicalCursor(clang_getTypeDeclaration(t));
    if (!clang_Cursor_isNull(d) && set_add(w->ctx, w->cov, d))
        clang_Type_visitFields(t, field_visit, w);
}

static void positional(ms_ctx *ctx, covered *cov)
{
    walk w = {ctx, cov};
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_InitListExpr || (n->nchildren <= 1 && !n->in_macro))
            continue;
        int designated = !n->in_macro;
        for (int c = 0; c < n->nchildren && designated; c++) {
            const char *t = ms_text(ctx, ms_child(ctx, n, c));
            designated = t[0] == '.' || t[0] == '[';
        }
        if (!designated)
            reach(&w, clang_getCursorType(n->cursor));
    }
}

static int is_covered(const covered *cov, CXCursor d)
{
    unsigned at;
    return cov->cap && set_find(cov, clang_getCanonicalCursor(d), &at);
}

static int is_word(const char *src, size_t len, unsigned at, const char *w)
{
    size_t l = strlen(w);
    return at + l <= len && memcmp(src + at, w, l) == 0 &&
           (at + l == len || !(isalnum((unsigned char)src[at + l]) || src[at + l] == '_')) &&
           (at == 0 || !(isalnum((unsigned char)src[at - 1]) || src[at - 1] == '_'));
}

/* Offset of the `struct` keyword of a declaration or reference, or -1. */
static long keyword(ms_ctx *ctx, const ms_node *n)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    if (n->in_macro)
        return -1;
    if (is_word(src, len, n->begin, "struct"))
        return n->begin;
    if (n->kind != CXCursor_TypeRef)
        return -1;
    unsigned i = n->begin;
    while (i > 0 && isspace((unsigned char)src[i - 1]))
        i--;
    if (i < 6 || !is_word(src, len, i - 6, "struct"))
        return -1;
    return (long)(i - 6);
}

/* libclang shows a record defined inside a typedef, variable or field
 * declaration twice: as a node of its own and inside that one. */
static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl || up->kind == CXCursor_ParmDecl);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const covered *cov = user;
    if (n->kind != CXCursor_StructDecl || !clang_isCursorDefinition(n->cursor) ||
        copy_view(ctx, n) || keyword(ctx, n) < 0)
        return 0;
    int named = 0;
    for (const ms_node *c = ms_child(ctx, n, 0); c; c = ms_node_at(ctx, c->next_sibling)) {
        if (c->kind != CXCursor_FieldDecl)
            continue;
        CXType ft = clang_getCanonicalType(clang_getCursorType(c->cursor));
        if (ft.kind == CXType_IncompleteArray)
            return 0;
        named += ms_spelling(ctx, c->cursor)[0] != '\0';
        if (c->next_sibling < 0)
            break;
    }
    if (named < 2)
        return 0;
    if (is_covered(cov, n->cursor))
        return 0;
    const ms_node **v;
    int nd = ms_declarations_of(ctx, n->cursor, &v);
    for (int i = 0; i < nd; i++)
        if (keyword(ctx, v[i]) < 0)
            return 0;
    int nr = ms_references_to(ctx, n->cursor, &v);
    for (int i = 0; i < nr; i++)
        if (keyword(ctx, v[i]) < 0)
            return 0;
    return 1;
}

static void add_at(ms_ctx *ctx, long at, long **v, int *n)
{
    for (int i = 0; i < *n; i++)
        if ((*v)[i] == at)
            return;
    ms_vec_push(ctx, v, n, &at, sizeof at);
}

static int mutate(ms_ctx *ctx)
{
    if (strstr(ms_source(ctx, NULL), "tatic_assert"))
        return MS_SKIP;
    covered cov = {NULL, 0, 0};
    positional(ctx, &cov);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &cov, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node **v;
    long *at = NULL;
    int nat = 0;
    add_at(ctx, keyword(ctx, sites[k]), &at, &nat);
    int nd = ms_declarations_of(ctx, sites[k]->cursor, &v);
    for (int i = 0; i < nd; i++)
        add_at(ctx, keyword(ctx, v[i]), &at, &nat);
    int nr = ms_references_to(ctx, sites[k]->cursor, &v);
    for (int i = 0; i < nr; i++)
        add_at(ctx, keyword(ctx, v[i]), &at, &nat);
    for (int i = 0; i < nat; i++) {
        if (at[i] < 0)
            return MS_ERROR;
        if (ms_replace(ctx, (unsigned)at[i], (unsigned)at[i] + 6, "union") != MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(convert_struct_to_union,
           "Turn a struct with no positional multi-element initializer into a union, in its "
           "definition and every struct TAG reference of the file.",
           0);
