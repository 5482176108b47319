/*
 * change_compound_assignment - replace a compound assignment operator with
 * another one.
 *
 *   before:  sum += a[i];      after:  sum ^= a[i];
 *
 * The choice depends on the operand types: with two integer (or enum)
 * operands any of += -= *= /= %= &= |= ^= <<= >>= (mostly the same family);
 * with a floating operand only += -= *= /=; with a pointer on the left only
 * += and -=. The mutant therefore stays well-typed.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const arith[] = {"+=", "-=", "*=", "/=", "%="};
static const char *const bits[] = {"&=", "|=", "^=", "<<=", ">>="};

static int member(const char *s, const char *const *set)
{
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, set[i]))
            return 1;
    return 0;
}

static ms_tclass cls(ms_ctx *ctx, const ms_node *n, int i)
{
    ms_tclass k = ms_classify(clang_getCursorType(ms_child(ctx, n, i)->cursor));
    return k == MS_T_ENUM ? MS_T_INT : k;
}

/* 2: integer operands, 1: arithmetic operands, 0: pointer += int, -1: no site */
static int operand_kind(ms_ctx *ctx, const ms_node *n)
{
    ms_tclass l = cls(ctx, n, 0), r = cls(ctx, n, 1);
    if (r != MS_T_INT && r != MS_T_FLOAT)
        return -1;
    if (l == MS_T_POINTER)
        return r == MS_T_INT ? 0 : -1;
    if (l == MS_T_INT && r == MS_T_INT)
        return 2;
    return (l == MS_T_INT || l == MS_T_FLOAT) ? 1 : -1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    ms_op op;
    if (n->kind != CXCursor_CompoundAssignOperator || n->nchildren != 2 || ms_operator(ctx, n, &op))
        return 0;
    if (!member(op.spelling, arith) && !member(op.spelling, bits))
        return 0;
    int kind = operand_kind(ctx, n);
    if (kind < 0)
        return 0;
    if (kind == 2)
        return 1;
    /* floating or pointer operands: the original is one of + - * / */
    return member(op.spelling, arith) && strcmp(op.spelling, "%=") != 0 &&
           (kind == 1 || !strcmp(op.spelling, "+=") || !strcmp(op.spelling, "-="));
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
    int kind = operand_kind(ctx, sites[k]);
    const char *repl;
    do {
        if (kind == 0)
            repl = arith[ms_rand(ctx, 2)];
        else if (kind == 1)
            repl = arith[ms_rand(ctx, 4)];
        else if (ms_chance(ctx, 3, 4))
            repl = (member(op.spelling, arith) ? arith : bits)[ms_rand(ctx, 5)];
        else
            repl = (ms_chance(ctx, 1, 2) ? arith : bits)[ms_rand(ctx, 5)];
    } while (!strcmp(repl, op.spelling));
    return ms_replace(ctx, op.begin, op.end, repl);
}

MS_MUTATOR(change_compound_assignment,
           "Replace a compound assignment operator with another one valid for its operand types.",
           0);
