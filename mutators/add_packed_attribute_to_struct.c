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

/* Records whose layout a static assertion could check: the types of the
 * nodes inside _Static_assert, their elements and members, recursively. */
static void collect_asserts(ms_ctx *ctx, covered *cov)
{
    walk w = {ctx, cov};
    int count = ms_node_count(ctx);
    for (int i = 0; i < count; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_StaticAssert)
            continue;
        int end = ms_subtree_end(ctx, n);
        for (int j = i + 1; j < end; j++)
            reach(&w, clang_getCursorType(ms_node_at(ctx, j)->cursor));
        i = end - 1;
    }
}

static int is_covered(const covered *cov, CXCursor d)
{
    unsigned at;
    return cov->cap && set_find(cov, clang_getCanonicalCursor(d), &at);
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
    const covered *cov = user;
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
    return !is_covered(cov, n->cursor);
}

static int mutate(ms_ctx *ctx)
{
    covered cov = {NULL, 0, 0};
    collect_asserts(ctx, &cov);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &cov, &sites);
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
