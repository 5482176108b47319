/*
 * swap_binary_operands - swap the operands of a commutative binary operator.
 *
 *   before:  x = a * (b + 1);      after:  x = (b + 1) * a;
 *
 * Only operators whose operands may be exchanged without changing validity
 * (+ * & | ^ == !=) are sites; for + on a pointer and an integer the swap is
 * still valid C. Operands spelled alike (b * b) are not a site, nor operands
 * whose exchange reads the same, as in (x + x) + x.
 */
#include "mutsmith.h"

#include <string.h>

/* Swapping a and b would give back the same text: equal operands, or
 * operands like those of (x + x) + x, where "x + x" " + " "x" reads the same
 * both ways round. */
static int same_text(ms_ctx *ctx, const ms_node *a, const ms_node *b)
{
    const char *src = ms_source(ctx, NULL);
    unsigned la = a->end - a->begin, lb = b->end - b->begin, lm = b->begin - a->end;
    if (la == lb)
        return memcmp(src + a->begin, src + b->begin, la) == 0;
    /* with m the text between them: is "a m b" the same as "b m a"? */
    const char *ab = ms_printf(ctx, "%.*s%.*s%.*s", (int)la, src + a->begin, (int)lm,
                               src + a->end, (int)lb, src + b->begin);
    const char *ba = ms_printf(ctx, "%.*s%.*s%.*s", (int)lb, src + b->begin, (int)lm,
                               src + a->end, (int)la, src + a->begin);
    return strcmp(ab, ba) == 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_BinaryOperator || n->nchildren != 2)
        return 0;
    ms_op op;
    if (ms_operator(ctx, n, &op) != 0)
        return 0;
    static const char *const comm[] = {"+", "*", "&", "|", "^", "==", "!="};
    const ms_node *lhs = ms_child(ctx, n, 0), *rhs = ms_child(ctx, n, 1);
    for (size_t i = 0; i < sizeof comm / sizeof comm[0]; i++)
        if (strcmp(op.spelling, comm[i]) == 0)
            return ms_editable(ctx, lhs) && ms_editable(ctx, rhs) && lhs->end <= rhs->begin &&
                   !same_text(ctx, lhs, rhs);
    return 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *lhs = ms_child(ctx, sites[k], 0), *rhs = ms_child(ctx, sites[k], 1);
    if (ms_replace_node(ctx, lhs, ms_text(ctx, rhs)) != MS_MUTATED ||
        ms_replace_node(ctx, rhs, ms_text(ctx, lhs)) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_binary_operands, "Swap the two operands of a commutative binary operator.", 0);
