/*
 * refs.c - what the file does with a declaration: whether its address is
 * taken anywhere (a prefix '&' on a reference to it, through parentheses and
 * implicit casts; any unary operator inside a macro counts, since its
 * spelling is not visible), and where its declared name is spelled. The
 * address-taken set is built once per mutate() call, on the first question,
 * and kept sorted by cursor hash, so asking about every site of a large file
 * costs a binary search each.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct taken_ent {
    unsigned hash;
    CXCursor decl;
} taken_ent;

static int by_hash(const void *a, const void *b)
{
    unsigned x = ((const taken_ent *)a)->hash, y = ((const taken_ent *)b)->hash;
    return x < y ? -1 : x > y;
}

static void build_taken(ms_ctx *ctx)
{
    const char *src = ms_source(ctx, NULL);
    taken_ent *v = NULL;
    int nv = 0;
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_UnaryOperator || (!n->in_macro && src[n->begin] != '&'))
            continue;
        const ms_node *c = ms_child(ctx, n, 0);
        while (c && (c->kind == CXCursor_ParenExpr || c->kind == CXCursor_UnexposedExpr))
            c = ms_child(ctx, c, 0);
        if (c && (c->kind == CXCursor_DeclRefExpr || c->kind == CXCursor_MemberRefExpr)) {
            taken_ent e;
            e.decl = clang_getCanonicalCursor(clang_getCursorReferenced(c->cursor));
            e.hash = clang_hashCursor(e.decl);
            ms_vec_push(ctx, &v, &nv, &e, sizeof e);
        }
    }
    if (nv > 1)
        qsort(v, (size_t)nv, sizeof *v, by_hash);
    ctx->taken = v;
    ctx->ntaken = nv;
    ctx->taken_ready = 1;
}

int ms_address_taken(ms_ctx *ctx, CXCursor decl)
{
    if (!ctx->taken_ready)
        build_taken(ctx);
    if (!clang_isDeclaration(clang_getCursorKind(decl)))
        decl = clang_getCursorReferenced(decl);
    decl = clang_getCanonicalCursor(decl);
    unsigned h = clang_hashCursor(decl);
    int lo = 0, hi = ctx->ntaken;
    while (lo < hi) { /* first entry with hash >= h */
        int mid = lo + (hi - lo) / 2;
        if (ctx->taken[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < ctx->ntaken && ctx->taken[lo].hash == h; lo++)
        if (clang_equalCursors(ctx->taken[lo].decl, decl))
            return 1;
    return 0;
}

unsigned ms_name_offset(ms_ctx *ctx, const ms_node *n)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(n->cursor), NULL, NULL, NULL, &off);
    const char *name = ms_spelling(ctx, n->cursor);
    size_t len = strlen(name);
    const char *src = ms_source(ctx, NULL);
    if (!len || off < n->begin || off + len > n->end || memcmp(src + off, name, len) != 0)
        return 0;
    return off;
}

/* ---- the reference index: (entity, node) pairs sorted by entity hash ---- */

typedef struct ref_ent {
    unsigned hash;
    int node; /* index of the declaration or the reference */
    int is_decl;
    CXCursor entity; /* canonical declaration */
} ref_ent;

static int ref_order(const void *a, const void *b)
{
    const ref_ent *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node; /* keeps source order */
}

static int is_reference_kind(enum CXCursorKind k)
{
    return k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr || k == CXCursor_TypeRef ||
           k == CXCursor_MemberRef || k == CXCursor_LabelRef || k == CXCursor_VariableRef;
}

static void build_refs(ms_ctx *ctx)
{
    ref_ent *v = NULL;
    int nv = 0;
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        ref_ent e;
        if (clang_isDeclaration(n->kind)) {
            e.entity = clang_getCanonicalCursor(n->cursor);
            e.is_decl = 1;
        } else if (is_reference_kind(n->kind)) {
            e.entity = clang_getCursorReferenced(n->cursor);
            if (clang_Cursor_isNull(e.entity))
                continue;
            e.entity = clang_getCanonicalCursor(e.entity);
            e.is_decl = 0;
        } else {
            continue;
        }
        e.hash = clang_hashCursor(e.entity);
        e.node = i;
        ms_vec_push(ctx, &v, &nv, &e, sizeof e);
    }
    if (nv > 1)
        qsort(v, (size_t)nv, sizeof *v, ref_order);
    ctx->refs = v;
    ctx->nrefs = nv;
    ctx->refs_ready = 1;
}

static int lookup(ms_ctx *ctx, CXCursor c, int want_decls, const ms_node ***out)
{
    if (!ctx->refs_ready)
        build_refs(ctx);
    if (!clang_isDeclaration(clang_getCursorKind(c)))
        c = clang_getCursorReferenced(c);
    c = clang_getCanonicalCursor(c);
    unsigned h = clang_hashCursor(c);
    int lo = 0, hi = ctx->nrefs, n = 0;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ctx->refs[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    const ms_node **v = NULL;
    for (; lo < ctx->nrefs && ctx->refs[lo].hash == h; lo++) {
        const ref_ent *e = &ctx->refs[lo];
        if (e->is_decl == want_decls && clang_equalCursors(e->entity, c)) {
            const ms_node *node = ms_node_at(ctx, e->node);
            ms_vec_push(ctx, &v, &n, &node, sizeof node);
        }
    }
    *out = v;
    return n;
}

int ms_declarations_of(ms_ctx *ctx, CXCursor c, const ms_node ***out)
{
    return lookup(ctx, c, 1, out);
}

int ms_references_to(ms_ctx *ctx, CXCursor c, const ms_node ***out)
{
    return lookup(ctx, c, 0, out);
}
