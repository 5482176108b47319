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

static int is_op(ms_ctx *ctx, const ms_node *n, const char *a, const char *b)
{
    ms_op op;
    if (!n || ms_operator(ctx, n, &op))
        return 0;
    return !strcmp(op.spelling, a) || (b && !strcmp(op.spelling, b));
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
    ms_op op;
    if (form(ctx, s) == 1) {
        const ms_node *e = ms_child(ctx, s, 0);
        strip_parens(ctx, &e);
        if (ms_operator(ctx, e, &op))
            return MS_ERROR;
        const char *dual = !strcmp(op.spelling, "&&") ? "||" : "&&";
        return ms_replace_node(ctx, s,
                               ms_printf(ctx, "(!(%s) %s !(%s))", ms_text(ctx, ms_child(ctx, e, 0)),
                                         dual, ms_text(ctx, ms_child(ctx, e, 1))));
    }
    if (ms_operator(ctx, s, &op))
        return MS_ERROR;
    const char *dual = !strcmp(op.spelling, "&&") ? "||" : "&&";
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
