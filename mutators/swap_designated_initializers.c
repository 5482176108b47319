/*
 * swap_designated_initializers - swap two designated elements of one
 * braced initializer list.
 *
 *   before:  struct P p = {.x = 1, .y = f()};
 *   after:   struct P p = {.y = f(), .x = 1};
 *
 * An element is movable when it starts with a designator ('.' name or '[')
 * and the element after it (if any) is designated too: a positional element
 * following a designated one continues from that designator, so moving the
 * designator would change its meaning.
 */
#include "mutsmith.h"
#include <ctype.h>
#include <string.h>

static int is_designated(ms_ctx *ctx, const ms_node *e)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    if (!e || !ms_editable(ctx, e) || e->begin + 1 >= len)
        return 0;
    char c = src[e->begin], d = src[e->begin + 1];
    return c == '[' ||
           (c == '.' && (isalpha((unsigned char)d) || d == '_' || isspace((unsigned char)d)));
}

static int movable(ms_ctx *ctx, const ms_node *list, int i)
{
    if (!is_designated(ctx, ms_child(ctx, list, i)))
        return 0;
    return i + 1 >= list->nchildren || is_designated(ctx, ms_child(ctx, list, i + 1));
}

static int count_movable(ms_ctx *ctx, const ms_node *list)
{
    int m = 0;
    for (int i = 0; i < list->nchildren; i++)
        m += movable(ctx, list, i);
    return m;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_InitListExpr && count_movable(ctx, n) >= 2;
}

static const ms_node *nth_movable(ms_ctx *ctx, const ms_node *list, int k)
{
    for (int i = 0; i < list->nchildren; i++)
        if (movable(ctx, list, i) && k-- == 0)
            return ms_child(ctx, list, i);
    return NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *list = sites[k];
    int m = count_movable(ctx, list);
    if (m < 2)
        return MS_ERROR;
    int i = (int)ms_rand(ctx, (unsigned)m), j = (int)ms_rand(ctx, (unsigned)m - 1);
    if (j >= i)
        j++;
    const ms_node *a = nth_movable(ctx, list, i), *b = nth_movable(ctx, list, j);
    if (!a || !b)
        return MS_ERROR;
    char *ta = ms_text(ctx, a), *tb = ms_text(ctx, b);
    if (strcmp(ta, tb) == 0)
        return MS_SKIP;
    if (ms_replace_node(ctx, a, tb) != MS_MUTATED || ms_replace_node(ctx, b, ta) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_designated_initializers,
           "Swap two designated initializers (.field = x or [index] = x) of the same braced "
           "initializer list.",
           0);
