/*
 * add_double_negation - negate a value twice: !!(c) for a condition, ~~(x)
 * for an integer elsewhere.
 *
 *   before:  if (p && n > 0) ...      after:  if (!!(p) && n > 0) ...
 *   before:  r = a ^ mask;            after:  r = a ^ ~~(mask);
 *
 * !!(c) is offered where only the truth of a scalar c counts: the condition
 * of if, while, do and for, and the operands of ! && ||. There the int 0 or
 * 1 that !! yields means the same as c, pointers and floating values
 * included. ~~(x) is offered for integer and enumeration values used as
 * values (the sites of insert_unary_plus without floating ones): it is x
 * after the integer promotions, accepted by every such context, also in
 * constant expressions. The result is parenthesised as the base of a
 * subscript (i[a]).
 */
#include "mutsmith.h"

#include <string.h>

static int same_range(const ms_node *a, const ms_node *b)
{
    return a && b && a->begin == b->begin && a->end == b->end;
}

/* Does e assign, increment or take the address of its operand c? */
static int modifies(ms_ctx *ctx, const ms_node *e, const ms_node *c)
{
    const char *s = ms_source(ctx, NULL);
    unsigned b = e->begin, i = c->end;
    if (e->kind == CXCursor_UnaryOperator) /* c++ c-- &c ++c --c __real__ c */
        return e->in_macro || c->begin == b || s[b] == '&' || s[b] == '_' ||
               ((s[b] == '+' || s[b] == '-') && s[b + 1] == s[b]);
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        i++;
    int comment = s[i] == '/' && (s[i + 1] == '*' || s[i + 1] == '/');
    return ms_child(ctx, e, 0) == c &&
           (e->kind == CXCursor_CompoundAssignOperator ||
            (e->kind == CXCursor_BinaryOperator &&
             (e->in_macro || comment || (s[i] == '=' && s[i + 1] != '='))));
}

/* Is the context of n free of type-dependent constructs up to its statement? */
static int plain_context(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        switch (p->kind) {
        case CXCursor_UnaryExpr:
        case CXCursor_GenericSelectionExpr:
        case CXCursor_AsmStmt:
            return 0;
        case CXCursor_FieldDecl:
        case CXCursor_EnumConstantDecl:
            return 1;
        case CXCursor_VarDecl: {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return !clang_Range_isNull(r) && b == c->begin;
        }
        default:
            if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
                return 0;
            if (clang_isStatement(p->kind))
                return 1;
        }
    }
    return 0;
}

/* An integer (or, with fl, floating) value whose type may be promoted. */
static int value_site(ms_ctx *ctx, const ms_node *n, int fl)
{
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        n->begin >= n->end || (p->kind == CXCursor_UnexposedExpr && same_range(p, n)))
        return 0;
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    if (k != MS_T_INT && k != MS_T_ENUM && (!fl || k != MS_T_FLOAT))
        return 0;
    for (const ms_node *s = ms_child(ctx, p, 0); p->kind == CXCursor_UnexposedExpr && s && s != n;
         s = ms_node_at(ctx, s->next_sibling))
        if (same_range(s, n))
            return 0; /* GNU a ?: b repeats its condition */
    while (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr && same_range(p, c)))
        if (!(p = ms_parent(ctx, c = p)))
            return 0;
    if (modifies(ctx, p, c) || p->kind == CXCursor_UnaryExpr || p->kind == CXCursor_AsmStmt ||
        p->kind == CXCursor_GenericSelectionExpr)
        return 0;
    if (p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
        return 0; /* builtins may need a parameter name or a constant */
    return plain_context(ctx, n);
}

/* n is the base of a subscript, where a prefix operator would bind the wrong way */
static int subscript_base(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n), *c = n;
    while (p && (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr &&
                                                   same_range(p, c))))
        p = ms_parent(ctx, c = p);
    return p && (p->kind == CXCursor_ArraySubscriptExpr || p->kind == CXCursor_MemberRefExpr ||
                 p->kind == CXCursor_CallExpr) &&
           c->begin == p->begin;
}

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

/* Is n (outermost of its implicit conversions) a condition or a logical operand? */
static int condition_site(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->begin >= n->end ||
        (p->kind == CXCursor_UnexposedExpr && same_range(p, n)) ||
        !ms_is_scalar(clang_getCursorType(n->cursor)) || !plain_context(ctx, n))
        return 0;
    switch (p->kind) {
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
        return ms_child(ctx, p, 0) == n;
    case CXCursor_DoStmt:
        return ms_child(ctx, p, p->nchildren - 1) == n && p->nchildren == 2;
    case CXCursor_ForStmt: {
        unsigned l, r, semi[2];
        return !ms_paren_range(ctx, p, &l, &r) &&
               ms_top_level_chars(ctx, l + 1, r, ';', semi, 2) == 2 && n->begin > semi[0] &&
               n->end <= semi[1];
    }
    case CXCursor_UnaryOperator:
    case CXCursor_BinaryOperator: {
        const char *op = op_text(ctx, p);
        if (!op)
            return 0;
        if (p->kind == CXCursor_UnaryOperator)
            return !strcmp(op, "!") && c->begin > p->begin;
        return !strcmp(op, "&&") || !strcmp(op, "||");
    }
    default:
        return 0;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return condition_site(ctx, n) || value_site(ctx, n, 0);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *e = ms_text(ctx, s);
    int cond = condition_site(ctx, s);
    if (cond && value_site(ctx, s, 0))
        cond = ms_chance(ctx, 1, 2);
    const char *text = ms_printf(ctx, cond ? "!!(%s)" : "~~(%s)", e);
    if (subscript_base(ctx, s))
        text = ms_printf(ctx, "(%s)", text);
    return ms_replace_node(ctx, s, text);
}

MS_MUTATOR(add_double_negation,
           "Replace a condition or logical operand c by !!(c), or an integer rvalue x elsewhere "
           "by ~~(x).",
           0);
