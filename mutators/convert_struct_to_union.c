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

typedef struct types {
    CXType *v;
    int n;
} types;

typedef struct find {
    CXType rec;
    int found, depth;
} find;

static int contains(CXType t, CXType rec, int depth);

static enum CXVisitorResult field_visit(CXCursor c, CXClientData data)
{
    find *f = data;
    f->found = contains(clang_getCursorType(c), f->rec, f->depth + 1);
    return f->found ? CXVisit_Break : CXVisit_Continue;
}

/* Does (canonical) type t contain record rec as itself, element or member? */
static int contains(CXType t, CXType rec, int depth)
{
    t = clang_getCanonicalType(t);
    if (depth > 16)
        return 1;
    if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
        t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray)
        return contains(clang_getArrayElementType(t), rec, depth + 1);
    if (t.kind != CXType_Record)
        return 0;
    if (clang_equalTypes(t, rec))
        return 1;
    find f = {rec, 0, depth};
    clang_Type_visitFields(t, field_visit, &f);
    return f.found;
}

/* Types of the brace initializers with several positional elements. */
static void positional(ms_ctx *ctx, types *out)
{
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_InitListExpr || (n->nchildren <= 1 && !n->in_macro))
            continue;
        int designated = !n->in_macro;
        for (int c = 0; c < n->nchildren && designated; c++) {
            const char *t = ms_text(ctx, ms_child(ctx, n, c));
            designated = t[0] == '.' || t[0] == '[';
        }
        if (designated)
            continue;
        CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
        int seen = 0;
        for (int k = 0; k < out->n && !seen; k++)
            seen = clang_equalTypes(out->v[k], t);
        if (!seen)
            ms_vec_push(ctx, &out->v, &out->n, &t, sizeof t);
    }
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
    const types *pos = user;
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
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    for (int k = 0; k < pos->n; k++)
        if (contains(pos->v[k], t, 0))
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
    types pos = {NULL, 0};
    positional(ctx, &pos);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &pos, &sites);
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
