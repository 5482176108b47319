/*
 * change_enum_value - give an enumerator a new explicit value.
 *
 *   before:  enum color { RED, GREEN = 4, BLUE };
 *   after:   enum color { RED, GREEN = 7, BLUE };
 *
 * The new value V is chosen so that V and the values of the enumerators
 * that implicitly follow it (V+1, ...) collide with no other enumerator of
 * the enum, keeping `case` labels distinct. The last enumerator is often a
 * count that sizes arrays, so it stays the largest: its block moves above
 * all others, any other block lands in a gap in [0, largest other value).
 * Enums whose values refer to other constants are left alone.
 */
#include "mutsmith.h"

/* libclang shows a record (or enum) defined inside a typedef, variable or
 * field declaration twice: as a node of its own and inside that one. */
static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *e = ms_parent(ctx, n);
    if (n->kind != CXCursor_EnumConstantDecl || !e || e->kind != CXCursor_EnumDecl ||
        copy_view(ctx, e))
        return 0;
    if (n->nchildren > 0 && !ms_editable(ctx, ms_child(ctx, n, 0)))
        return 0;
    /* no value may depend on another enumerator */
    int last = ms_node_index(ctx, e) + 1;
    while (ms_node_at(ctx, last) && ms_node_at(ctx, last)->depth > e->depth)
        last++;
    for (int i = ms_node_index(ctx, e) + 1; i < last; i++)
        if (ms_node_at(ctx, i)->kind == CXCursor_DeclRefExpr)
            return 0;
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k], *e = ms_parent(ctx, s);
    long long others[64], max = -1, m = 0, old = clang_getEnumConstantDeclValue(s->cursor);
    int nothers = 0, state = 0, has_last = 0; /* state: 0 before s, 1 in its block, 2 after */
    for (const ms_node *c = ms_child(ctx, e, 0); c; c = ms_node_at(ctx, c->next_sibling)) {
        if (c->kind != CXCursor_EnumConstantDecl)
            continue;
        state = c == s ? 1 : state == 1 && c->nchildren > 0 ? 2 : state;
        has_last = state == 1;
        if (c == s || state == 1) {
            m += c != s; /* implicitly follows s: becomes V+m */
            continue;
        }
        if (nothers == 64)
            return MS_SKIP;
        others[nothers++] = clang_getEnumConstantDeclValue(c->cursor);
        max = others[nothers - 1] > max ? others[nothers - 1] : max;
    }
    /* the block holding the last enumerator (often a count) stays the largest,
     * any other lands in a gap between 0 and the largest other value */
    for (int tries = 0; tries < 32; tries++) {
        long long v = has_last ? max + 1 + ms_rand(ctx, 8) : (long long)ms_rand(ctx, 64);
        int clash = v == old || v + m > 2147483647LL || (!has_last && v + m >= max);
        for (int i = 0; i < nothers && !clash; i++)
            clash = others[i] >= v && others[i] <= v + m;
        if (clash)
            continue;
        const char *text = ms_printf(ctx, "%lld", v);
        if (s->nchildren > 0)
            return ms_replace_node(ctx, ms_child(ctx, s, 0), text);
        return ms_insert(ctx, s->end, ms_printf(ctx, " = %s", text));
    }
    return MS_SKIP;
}

MS_MUTATOR(change_enum_value,
           "Give an enumerator a new explicit value that collides with no other one.", 0);
