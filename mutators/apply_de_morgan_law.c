/*
 * apply_de_morgan_law - rewrite a negated conjunction or disjunction with
 * De Morgan's law, in either direction.
 *
 *   before:  if (!(a && b)) ...      after:  if ((!(a) || !(b))) ...
 *   before:  r = !x || !y;           after:  r = !((x) && (y));
 *   before:  r = x && y;             after:  r = !(!(x) || !(y));
 *
 * Sites: a `!` whose operand (through parentheses) is an && or || expression,
 * and every && or || expression: when both its operands are `!` expressions
 * the negations are pulled out, else the whole is negated twice.
 * Both forms yield an int of the same value, every operand is a scalar that
 * `!`, && and || accept alike, and everything new is parenthesised, so the
 * mutant stays valid C (also in constant expressions).
 */
#include "mutsmith.h"

#include <string.h>

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

static int is_op(ms_ctx *ctx, const ms_node *n, const char *a, const char *b)
{
    const char *op = n ? op_text(ctx, n) : NULL;
    return op && (!strcmp(op, a) || (b && !strcmp(op, b)));
}

/* n through parentheses (no implicit conversions can sit between ! and its operand) */
static void strip_parens(ms_ctx *ctx, const ms_node **n)
{
    while (*n && (*n)->kind == CXCursor_ParenExpr && (*n)->nchildren == 1)
        *n = ms_child(ctx, *n, 0);
}

/* 1: !(a && b), 2: !x && !y, 3: any other a && b or a || b, 0: no site */
static int form(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind == CXCursor_UnaryOperator && n->nchildren == 1) {
        if (!is_op(ctx, n, "!", NULL))
            return 0;
        const ms_node *e = ms_child(ctx, n, 0);
        strip_parens(ctx, &e);
        return e && e->kind == CXCursor_BinaryOperator && e->nchildren == 2 &&
                       is_op(ctx, e, "&&", "||")
                   ? 1
                   : 0;
    }
    if (n->kind == CXCursor_BinaryOperator && n->nchildren == 2 && is_op(ctx, n, "&&", "||")) {
        for (int i = 0; i < 2; i++) {
            const ms_node *c = ms_child(ctx, n, i);
            if (!c || c->kind != CXCursor_UnaryOperator || c->nchildren != 1 ||
                !is_op(ctx, c, "!", NULL) || ms_child(ctx, c, 0)->begin <= c->begin)
                return 3;
        }
        return 2;
    }
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return form(ctx, n) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    if (form(ctx, s) == 1) {
        const ms_node *e = ms_child(ctx, s, 0);
        strip_parens(ctx, &e);
        const char *op = op_text(ctx, e);
        if (!op)
            return MS_ERROR;
        const char *dual = !strcmp(op, "&&") ? "||" : "&&";
        return ms_replace_node(ctx, s,
                               ms_printf(ctx, "(!(%s) %s !(%s))", ms_text(ctx, ms_child(ctx, e, 0)),
                                         dual, ms_text(ctx, ms_child(ctx, e, 1))));
    }
    const char *op = op_text(ctx, s);
    if (!op)
        return MS_ERROR;
    const char *dual = !strcmp(op, "&&") ? "||" : "&&";
    if (form(ctx, s) == 3)
        return ms_replace_node(ctx, s,
                               ms_printf(ctx, "!(!(%s) %s !(%s))", ms_text(ctx, ms_child(ctx, s, 0)),
                                         dual, ms_text(ctx, ms_child(ctx, s, 1))));
    const ms_node *a = ms_child(ctx, ms_child(ctx, s, 0), 0),
                  *b = ms_child(ctx, ms_child(ctx, s, 1), 0);
    return ms_replace_node(
        ctx, s, ms_printf(ctx, "!((%s) %s (%s))", ms_text(ctx, a), dual, ms_text(ctx, b)));
}

MS_MUTATOR(apply_de_morgan_law,
           "Rewrite !(a && b) as (!(a) || !(b)), !(a || b) as (!(a) && !(b)), or !x || !y and "
           "!x && !y back as one negated conjunction or disjunction, or a && b as !(!(a) || !(b)).",
           0);
