/*
 * mirror_relational_comparison - swap the operands of a relational operator
 * and mirror the operator, so that the comparison keeps its meaning.
 *
 *   before:  if (i < n)      after:  if (n > i)
 */
#include "mutsmith.h"

#include <string.h>

static const char *mirror(const char *op)
{
    static const char *const pairs[][2] = {{"<", ">"}, {">", "<"}, {"<=", ">="}, {">=", "<="}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(op, pairs[i][0]) == 0)
            return pairs[i][1];
    return NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_BinaryOperator || n->nchildren != 2)
        return 0;
    ms_op op;
    if (ms_operator(ctx, n, &op) != 0 || !mirror(op.spelling))
        return 0;
    return ms_editable(ctx, ms_child(ctx, n, 0)) && ms_editable(ctx, ms_child(ctx, n, 1));
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *lhs = ms_child(ctx, sites[k], 0), *rhs = ms_child(ctx, sites[k], 1);
    ms_op op;
    if (ms_operator(ctx, sites[k], &op) != 0)
        return MS_ERROR;
    if (ms_replace_node(ctx, lhs, ms_text(ctx, rhs)) != MS_MUTATED ||
        ms_replace(ctx, op.begin, op.end, mirror(op.spelling)) != MS_MUTATED ||
        ms_replace_node(ctx, rhs, ms_text(ctx, lhs)) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(mirror_relational_comparison,
           "Swap the operands of a relational operator and mirror it, so a < b becomes b > a.", 0);
