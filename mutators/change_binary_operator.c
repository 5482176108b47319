/*
 * change_binary_operator - replace a binary operator with another of the
 * same family (arithmetic, bitwise, shift, relational, logical).
 *
 *   before:  if (a < b) r = x + y;      after:  if (a < b) r = x - y;
 *
 * % and the bitwise/shift operators are only offered when both operands are
 * integers, so the mutant stays valid; pointer arithmetic is left alone.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const arith[] = {"+", "-", "*", "/", "%"};
static const char *const bits[] = {"&", "|", "^", "<<", ">>"};
static const char *const rel[] = {"<", ">", "<=", ">=", "==", "!="};
static const char *const logic[] = {"&&", "||"};

typedef struct family {
    const char *const *ops;
    int n;
    int int_only;
} family;

static const family families[] = {
    {arith, 5, 0}, {bits, 5, 1}, {rel, 6, 0}, {logic, 2, 0},
};

static const family *family_of(const char *op)
{
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (int i = 0; i < families[f].n; i++)
            if (strcmp(op, families[f].ops[i]) == 0)
                return &families[f];
    return NULL;
}

static int all_int(ms_ctx *ctx, const ms_node *n)
{
    for (int i = 0; i < 2; i++) {
        ms_tclass c = ms_classify(clang_getCursorType(ms_child(ctx, n, i)->cursor));
        if (c != MS_T_INT && c != MS_T_ENUM)
            return 0;
    }
    return 1;
}

static int all_arith(ms_ctx *ctx, const ms_node *n)
{
    for (int i = 0; i < 2; i++) {
        ms_tclass c = ms_classify(clang_getCursorType(ms_child(ctx, n, i)->cursor));
        if (c != MS_T_INT && c != MS_T_ENUM && c != MS_T_FLOAT)
            return 0;
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    ms_op op;
    if (n->kind != CXCursor_BinaryOperator || n->nchildren != 2 || ms_operator(ctx, n, &op))
        return 0;
    const family *f = family_of(op.spelling);
    if (!f)
        return 0;
    if (f->ops == arith || f->ops == rel)
        return all_arith(ctx, n); /* no pointer arithmetic or comparisons */
    return f->int_only ? all_int(ctx, n) : 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    ms_op op;
    if (ms_operator(ctx, sites[k], &op))
        return MS_ERROR;
    const family *f = family_of(op.spelling);
    int int_ok = all_int(ctx, sites[k]);
    const char *repl;
    do {
        repl = f->ops[ms_rand(ctx, (unsigned)f->n)];
    } while (strcmp(repl, op.spelling) == 0 || (!int_ok && strcmp(repl, "%") == 0));
    return ms_replace(ctx, op.begin, op.end, repl);
}

MS_MUTATOR(change_binary_operator,
           "Replace a binary operator with another operator of the same family.", 0);
