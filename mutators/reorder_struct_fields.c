/*
 * reorder_struct_fields - swap two adjacent fields of a struct or union.
 *
 *   before:  struct P { int x; char *s; };   after:  struct P { char *s; int x; };
 *
 * Field order matters to positional initialisers: unless both fields have
 * the same type or both are arithmetic (initial values convert), no brace
 * initialiser in the file that is not fully designated ({.x = 1}) or {0}
 * may initialise something containing the record (the record itself, an
 * array of it, a record with such a member: brace elision hides the inner
 * lists). Each field must be a declaration of its own ("int a, b;" is
 * left alone), without a nested definition; a flexible array member stays
 * last. Files with static assertions (offsetof checks) are left alone.
 */
#include "mutsmith.h"

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
    if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray)
        return contains(clang_getArrayElementType(t), rec, depth + 1);
    if (t.kind != CXType_Record)
        return 0;
    if (clang_equalTypes(t, rec))
        return 1;
    find f = {rec, 0, depth};
    clang_Type_visitFields(t, field_visit, &f);
    return f.found;
}

/* Types of the brace initialisers that are positional, deduplicated. */
static void positional(ms_ctx *ctx, types *out)
{
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_InitListExpr)
            continue;
        int designated = 1;
        for (int c = 0; c < n->nchildren && designated; c++) {
            const char *t = ms_text(ctx, ms_child(ctx, n, c));
            designated = t[0] == '.';
        }
        char *text = ms_text(ctx, n);
        if (designated || (n->nchildren <= 1 && !n->in_macro && strcmp(text, "{0}") == 0))
            continue;
        CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
        int seen = 0;
        for (int k = 0; k < out->n && !seen; k++)
            seen = clang_equalTypes(out->v[k], t);
        if (!seen)
            ms_vec_push(ctx, &out->v, &out->n, &t, sizeof t);
    }
}

static int own_field(ms_ctx *ctx, const ms_node *f, const ms_node *prev)
{
    if (!f || f->kind != CXCursor_FieldDecl || !ms_editable(ctx, f) ||
        (prev && f->begin < prev->end))
        return 0;
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = f->end;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n'))
        i++;
    return i < len && src[i] == ';' && !strchr(ms_text(ctx, f), '{') &&
           clang_getCanonicalType(clang_getCursorType(f->cursor)).kind != CXType_IncompleteArray;
}

/* libclang shows a record (or enum) defined inside a typedef, variable or
 * field declaration twice: as a node of its own and inside that one. */
static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl);
}

/* A site is a field that can be swapped with the next one. */
static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const types *pos = user;
    const ms_node *rec = ms_parent(ctx, n);
    if (!rec || (rec->kind != CXCursor_StructDecl && rec->kind != CXCursor_UnionDecl) ||
        copy_view(ctx, rec) ||
        strstr(ms_source(ctx, NULL), "tatic_assert")) /* offsetof assertions */
        return 0;
    const ms_node *next = ms_node_at(ctx, n->next_sibling);
    int i = ms_node_index(ctx, n);
    const ms_node *prev = NULL;
    for (const ms_node *c = ms_child(ctx, rec, 0); c && ms_node_index(ctx, c) != i;
         c = ms_node_at(ctx, c->next_sibling))
        prev = c;
    if (!own_field(ctx, n, prev) || !own_field(ctx, next, n))
        return 0;
    CXType ta = clang_getCanonicalType(clang_getCursorType(n->cursor));
    CXType tb = clang_getCanonicalType(clang_getCursorType(next->cursor));
    ms_tclass ca = ms_classify(ta), cb = ms_classify(tb);
    if (clang_equalTypes(ta, tb) || ((ca == MS_T_INT || ca == MS_T_FLOAT || ca == MS_T_ENUM) &&
                                     (cb == MS_T_INT || cb == MS_T_FLOAT || cb == MS_T_ENUM)))
        return 1;
    CXType t = clang_getCanonicalType(clang_getCursorType(rec->cursor));
    for (int k = 0; k < pos->n; k++)
        if (contains(pos->v[k], t, 0))
            return 0;
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    types pos = {NULL, 0};
    positional(ctx, &pos);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &pos, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *a = sites[k], *b = ms_node_at(ctx, a->next_sibling);
    if (ms_replace_node(ctx, a, ms_text(ctx, b)) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace_node(ctx, b, ms_text(ctx, a));
}

MS_MUTATOR(reorder_struct_fields,
           "Swap two adjacent fields of a struct or union that has no positional initialiser.", 0);
