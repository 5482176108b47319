/*
 * add_packed_attribute_to_struct - pack a struct or union definition.
 *
 *   before:  struct hdr { char tag; int len; };
 *   after:   struct __attribute__((packed)) hdr { char tag; int len; };
 *
 * The attribute goes right after the struct/union keyword of a definition
 * that has no attribute yet; only the layout changes (no padding,
 * alignment 1), every use of the type stays valid. Skipped: records with a
 * field whose address is taken (a pointer to a misaligned member), with an
 * _Atomic field, and records whose size or layout a static assertion
 * could check (a type or expression in a _Static_assert that contains the
 * record as itself, an element or a member).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

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
        t.kind == CXType_VariableArray)
        return contains(clang_getArrayElementType(t), rec, depth + 1);
    if (t.kind != CXType_Record)
        return 0;
    if (clang_equalTypes(t, rec))
        return 1;
    find f = {rec, 0, depth};
    clang_Type_visitFields(t, field_visit, &f);
    return f.found;
}

typedef struct asserts {
    const ms_node **v; /* nodes inside static assertions */
    int n;
} asserts;

static void collect_asserts(ms_ctx *ctx, asserts *a)
{
    int count = ms_node_count(ctx);
    for (int i = 0; i < count; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_StaticAssert)
            continue;
        int end = ms_subtree_end(ctx, n);
        for (int j = i + 1; j < end; j++) {
            const ms_node *c = ms_node_at(ctx, j);
            ms_vec_push(ctx, &a->v, &a->n, &c, sizeof c);
        }
        i = end - 1;
    }
}

static unsigned keyword_end(ms_ctx *ctx, const ms_node *n)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    const char *kw = n->kind == CXCursor_StructDecl ? "struct" : "union";
    size_t l = strlen(kw);
    if (n->begin + l >= len || memcmp(src + n->begin, kw, l) != 0 ||
        (!isspace((unsigned char)src[n->begin + l]) && src[n->begin + l] != '{'))
        return 0;
    return n->begin + (unsigned)l;
}

static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl || up->kind == CXCursor_ParmDecl);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const asserts *a = user;
    if ((n->kind != CXCursor_StructDecl && n->kind != CXCursor_UnionDecl) ||
        !clang_isCursorDefinition(n->cursor) || copy_view(ctx, n) || !keyword_end(ctx, n))
        return 0;
    const char *src = ms_source(ctx, NULL);
    const char *brace = memchr(src + n->begin, '{', n->end - n->begin);
    if (!brace)
        return 0;
    char *head = ms_text_range(ctx, n->begin, (unsigned)(brace - src));
    if (strstr(head, "attribute") || strstr(head, "declspec") || strstr(head, "lignas"))
        return 0;
    for (const ms_node *c = ms_child(ctx, n, 0); c;
         c = c->next_sibling < 0 ? NULL : ms_node_at(ctx, c->next_sibling)) {
        if (c->kind == CXCursor_PackedAttr)
            return 0;
        if (c->kind != CXCursor_FieldDecl)
            continue;
        if (ms_address_taken(ctx, c->cursor) ||
            clang_getCursorType(c->cursor).kind == CXType_Atomic ||
            strstr(ms_text(ctx, c), "_Atomic"))
            return 0;
    }
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    for (int i = 0; i < a->n; i++)
        if (contains(clang_getCursorType(a->v[i]->cursor), t, 0))
            return 0;
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    asserts a = {NULL, 0};
    collect_asserts(ctx, &a);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &a, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned at = keyword_end(ctx, sites[k]);
    if (!at)
        return MS_ERROR;
    return ms_insert(ctx, at, " __attribute__((packed))");
}

MS_MUTATOR(add_packed_attribute_to_struct,
           "Add __attribute__((packed)) after the keyword of a struct or union definition whose "
           "fields are never address-taken.",
           0);
