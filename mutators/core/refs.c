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
