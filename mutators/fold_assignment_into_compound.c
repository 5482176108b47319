/*
 * fold_assignment_into_compound - fold a = a op b into a op= b.
 *
 *   before:  sum = sum + v[i] * 2;         after:  sum += v[i] * 2;
 *   before:  v = v * 10 + d;               after:  (v *= 10, v += d);
 *
 * Sites: an assignment whose right side is (through implicit conversions)
 * a binary + - * / % << >> & | ^ whose left operand is spelled exactly like
 * the assigned left side a, which is free of side effects (names, literals,
 * member access, subscripts, parentheses). Only the top-level operator of
 * the right side counts, so precedence is kept (a = a - b + c is
 * (a - b) + c: its + has left operand a - b): b is then an operand of
 * higher precedence than assignment. The right operand must be arithmetic;
 * a pointer left side only with + and -. a op= b converts back to a's type
 * exactly as a = a op b does, so the mutant is valid C.
 *
 * A left spine of several steps, ((a op1 b) op2 c), becomes a parenthesised
 * comma chain (a op1= b, a op2= c) whose value is a's final value, like the
 * assignment's; only for + - * << & | ^ (where reducing to a's type after
 * each step keeps the value) on an int-or-wider integer or pointer left
 * side, and when no operand mentions a name used in a.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const ops[] = {"+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"};

/* Only names, literals, ., ->, [] and parentheses below n (and n itself). */
static int pure_lvalue(ms_ctx *ctx, const ms_node *n)
{
    int end = ms_subtree_end(ctx, n);
    for (int i = ms_node_index(ctx, n); i < end; i++) {
        switch (ms_node_at(ctx, i)->kind) {
        case CXCursor_DeclRefExpr:
        case CXCursor_MemberRefExpr:
        case CXCursor_ArraySubscriptExpr:
        case CXCursor_ParenExpr:
        case CXCursor_UnexposedExpr:
        case CXCursor_IntegerLiteral:
        case CXCursor_CharacterLiteral:
            break;
        default:
            return 0;
        }
    }
    return n->kind == CXCursor_DeclRefExpr || n->kind == CXCursor_MemberRefExpr ||
           n->kind == CXCursor_ArraySubscriptExpr || n->kind == CXCursor_ParenExpr;
}

static ms_tclass cls(const ms_node *n)
{
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    return k == MS_T_ENUM ? MS_T_INT : k;
}

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

static int known_op(const char *s, int chain)
{
    static const char *const chain_ops[] = {"+", "-", "*", "<<", "&", "|", "^"};
    const char *const *set = chain ? chain_ops : ops;
    unsigned n = chain ? sizeof chain_ops / sizeof *chain_ops : sizeof ops / sizeof *ops;
    if (!s)
        return 0;
    for (unsigned i = 0; i < n; i++)
        if (!strcmp(s, set[i]))
            return 1;
    return 0;
}

static const ms_node *skip_implicit(ms_ctx *ctx, const ms_node *r)
{
    while (r && r->kind == CXCursor_UnexposedExpr && r->nchildren == 1 &&
           ms_child(ctx, r, 0)->begin == r->begin && ms_child(ctx, r, 0)->end == r->end)
        r = ms_child(ctx, r, 0);
    return r;
}

/* Int-or-wider integer or pointer: reducing after each step keeps the value. */
static int wide(CXType t)
{
    switch (clang_getCanonicalType(t).kind) {
    case CXType_Int:
    case CXType_UInt:
    case CXType_Long:
    case CXType_ULong:
    case CXType_LongLong:
    case CXType_ULongLong:
    case CXType_Pointer:
        return 1;
    default:
        return 0;
    }
}

/* Does y mention a name that a mentions? */
static int shares_name(ms_ctx *ctx, const ms_node *a, const ms_node *y)
{
    int ea = ms_subtree_end(ctx, a), ey = ms_subtree_end(ctx, y);
    for (int i = ms_node_index(ctx, a); i < ea; i++) {
        if (ms_node_at(ctx, i)->kind != CXCursor_DeclRefExpr)
            continue;
        const char *name = ms_text(ctx, ms_node_at(ctx, i));
        for (int j = ms_node_index(ctx, y); j < ey; j++)
            if (ms_node_at(ctx, j)->kind == CXCursor_DeclRefExpr &&
                !strcmp(name, ms_text(ctx, ms_node_at(ctx, j))))
                return 1;
    }
    return 0;
}

/*
 * For assignment n = (a = ((a op1 y1) op2 y2) ...): the number of steps (0: no
 * site); steps[i] = the binary operation of step i, innermost first.
 */
static int folded(ms_ctx *ctx, const ms_node *n, const ms_node **steps, int max)
{
    const char *eq = n->kind == CXCursor_BinaryOperator ? op_text(ctx, n) : NULL, *op;
    if (!eq || strcmp(eq, "="))
        return 0;
    const ms_node *a = ms_child(ctx, n, 0), *r = skip_implicit(ctx, ms_child(ctx, n, 1));
    if (a->begin != n->begin || !pure_lvalue(ctx, a))
        return 0;
    const char *lhs = ms_text(ctx, a);
    ms_tclass ka = cls(a);
    if (ka != MS_T_POINTER && ka != MS_T_INT && ka != MS_T_FLOAT)
        return 0;
    int depth = 0;
    const ms_node *tmp[16];
    for (;;) {
        if (!r || r->kind != CXCursor_BinaryOperator || depth == 16 || !(op = op_text(ctx, r)) ||
            !known_op(op, 0))
            return 0;
        const ms_node *x = ms_child(ctx, r, 0), *y = ms_child(ctx, r, 1);
        ms_tclass ky = cls(y);
        if ((ky != MS_T_INT && ky != MS_T_FLOAT) ||
            (ka == MS_T_POINTER && (ky != MS_T_INT || !strchr("+-", op[0]))))
            return 0;
        tmp[depth++] = r;
        if (!strcmp(ms_text(ctx, x), lhs))
            break;
        r = skip_implicit(ctx, x);
    }
    if (depth > 1) { /* a chain: only where each step may reduce to a's type */
        if (!wide(clang_getCursorType(a->cursor)))
            return 0;
        for (int i = 0; i < depth; i++)
            if (!known_op(op_text(ctx, tmp[i]), 1) || shares_name(ctx, a, ms_child(ctx, tmp[i], 1)))
                return 0;
    }
    if (depth > max)
        return 0;
    for (int i = 0; i < depth; i++)
        steps[i] = tmp[depth - 1 - i];
    return depth;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *steps[16];
    return folded(ctx, n, steps, 16) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *steps[16], *s = sites[k];
    int depth = folded(ctx, s, steps, 16);
    ms_op eq, op;
    if (!depth || ms_operator(ctx, s, &eq))
        return MS_ERROR;
    if (depth == 1) {
        if (ms_operator(ctx, steps[0], &op))
            return MS_ERROR;
        return ms_replace(ctx, eq.begin, op.end, ms_printf(ctx, "%s=", op.spelling));
    }
    const char *lhs = ms_text(ctx, ms_child(ctx, s, 0)), *text = "(";
    for (int i = 0; i < depth; i++) {
        const char *o = op_text(ctx, steps[i]);
        if (!o)
            return MS_ERROR;
        text = ms_printf(ctx, "%s%s%s %s= %s", text, i ? ", " : "", lhs, o,
                         ms_text(ctx, ms_child(ctx, steps[i], 1)));
    }
    return ms_replace_node(ctx, s, ms_printf(ctx, "%s)", text));
}

MS_MUTATOR(fold_assignment_into_compound,
           "Rewrite a = a op b as a op= b, or a = a op1 b op2 c as (a op1= b, a op2= c), when a "
           "has no side effects.",
           0);
