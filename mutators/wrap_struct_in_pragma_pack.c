/*
 * wrap_struct_in_pragma_pack - surround a top-level struct or union
 * definition with #pragma pack(push, N) and #pragma pack(pop) lines.
 *
 *   before:  typedef struct node { char tag; long val; } node_t;
 *   after:   #pragma pack(push, 2)
 *            typedef struct node { char tag; long val; } node_t;
 *            #pragma pack(pop)
 *
 * N is 1, 2, 4 or 8. Packing only lowers the alignment of the members of
 * the records defined between the two lines, so every use of the type stays
 * valid (taking the address of a packed member only warns). The pragmas
 * enclose the whole top-level declaration (a typedef or variables declared
 * with the definition), each on its own line, and pop restores the previous
 * packing for the rest of the file. Files with a _Static_assert (which may
 * check a size or offset) are skipped, as are definitions touching macros
 * and declarations not ended by a plain ';'.
 */
#include "mutsmith.h"

#include <string.h>

struct span {
    unsigned begin, end, semi; /* whole declaration; offset past its ';' */
};

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The top-level declaration holding the definition n: 0 when unusable. */
static int decl_span(ms_ctx *ctx, const ms_node *n, struct span *sp)
{
    size_t len;
    const char *s = ms_source(ctx, &len);
    int idx = ms_node_index(ctx, n);
    sp->begin = n->begin;
    sp->end = n->end;
    if (idx > 0) { /* the previous top-level node must end before n */
        const ms_node *prev = ms_enclosing_toplevel(ctx, ms_node_at(ctx, idx - 1));
        if (prev && prev->end > n->begin)
            return 0;
    }
    /* later top-level nodes that overlap: the typedef or variables of the group */
    for (const ms_node *m = ms_node_at(ctx, ms_subtree_end(ctx, n)); m;
         m = ms_node_at(ctx, ms_subtree_end(ctx, m))) {
        if (m->begin >= sp->end)
            break;
        if (m->in_macro || m->end <= m->begin)
            return 0;
        if (m->begin < sp->begin)
            sp->begin = m->begin;
        if (m->end > sp->end)
            sp->end = m->end;
    }
    unsigned i = sp->end;
    while (i < len && (blank(s[i]) || s[i] == '\n'))
        i++;
    if (i >= len || s[i] != ';')
        return 0;
    sp->semi = i + 1;
    return 1;
}

/* The top-level node of the declaration defining record n, or NULL. */
static const ms_node *toplevel_of(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    if (n->depth == 0)
        return n;
    if (n->depth == 1 && p && !p->in_macro &&
        (p->kind == CXCursor_TypedefDecl || p->kind == CXCursor_VarDecl))
        return p; /* typedef struct { ... } t;  or  struct { ... } v; */
    return NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    struct span sp;
    if ((n->kind != CXCursor_StructDecl && n->kind != CXCursor_UnionDecl) ||
        !clang_isCursorDefinition(n->cursor))
        return 0;
    const ms_node *top = toplevel_of(ctx, n);
    return top && decl_span(ctx, top, &sp);
}

static int mutate(ms_ctx *ctx)
{
    const char *s = ms_source(ctx, NULL);
    if (strstr(s, "_Static_assert") || strstr(s, "static_assert"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    struct span sp;
    const ms_node *top = toplevel_of(ctx, sites[k]);
    if (!top || !decl_span(ctx, top, &sp))
        return MS_ERROR;
    static const unsigned packs[] = {1, 2, 4, 8};
    unsigned pack = packs[ms_rand(ctx, 4)];
    unsigned ls = sp.begin;
    while (ls > 0 && blank(s[ls - 1]))
        ls--;
    int r = ls == 0 || s[ls - 1] == '\n'
                ? ms_insert(ctx, ls, ms_printf(ctx, "#pragma pack(push, %u)\n", pack))
                : ms_insert(ctx, sp.begin, ms_printf(ctx, "\n#pragma pack(push, %u)\n", pack));
    if (r != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, sp.semi, "\n#pragma pack(pop)\n");
}

MS_MUTATOR(wrap_struct_in_pragma_pack,
           "Surround a top-level struct or union definition with #pragma pack(push, N) and "
           "#pragma pack(pop) lines, N being 1, 2, 4 or 8.",
           0);
