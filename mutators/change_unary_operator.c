/*
 * change_unary_operator - replace a unary arithmetic operator with another,
 * or turn an increment into a decrement / prefix into postfix.
 *
 *   before:  y = -x; n++;      after:  y = ~x; --n;
 *
 * - ~ ! + are exchanged on integer and enum operands (- + and ! from - or +
 * on floating operands, never ~); ++/-- on any scalar lvalue swap direction
 * and/or position. & and * are never touched. Sites where an integer constant
 * expression is required (case labels, array sizes, enum values) are left
 * alone since a new value could collide with another label or be negative.
 */
#include "mutsmith.h"

#include <string.h>

static int in_ice(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) != c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return clang_Range_isNull(r) || b != c->begin;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 1;
        if (clang_isStatement(p->kind))
            return 0;
    }
    return 1;
}

static ms_tclass operand_class(ms_ctx *ctx, const ms_node *n)
{
    return ms_classify(clang_getCursorType(ms_child(ctx, n, 0)->cursor));
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    ms_op op;
    if (n->kind != CXCursor_UnaryOperator || n->nchildren != 1 || ms_operator(ctx, n, &op))
        return 0;
    ms_tclass k = operand_class(ctx, n);
    const char *s = op.spelling;
    if (!strcmp(s, "++") || !strcmp(s, "--"))
        return k == MS_T_INT || k == MS_T_ENUM || k == MS_T_FLOAT || k == MS_T_POINTER;
    if (in_ice(ctx, n))
        return 0;
    if (k == MS_T_INT || k == MS_T_ENUM)
        return !strcmp(s, "-") || !strcmp(s, "~") || !strcmp(s, "!") || !strcmp(s, "+");
    return k == MS_T_FLOAT && (!strcmp(s, "-") || !strcmp(s, "+"));
}

/* Keep new text from gluing onto a neighbouring + or - (a-!b -> a- -b). */
static const char *spaced(ms_ctx *ctx, unsigned b, unsigned e, const char *t)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    size_t tl = strlen(t);
    int pre = b > 0 && (src[b - 1] == '-' || src[b - 1] == '+') && (t[0] == '-' || t[0] == '+');
    int post =
        e < len && (src[e] == '-' || src[e] == '+') && (t[tl - 1] == '-' || t[tl - 1] == '+');
    return ms_printf(ctx, "%s%s%s", pre ? " " : "", t, post ? " " : "");
}

/* A unary-expression operand that must be parenthesised to take a postfix
 * operator (x++ binds tighter than *p). */
static int needs_parens(const ms_node *n)
{
    return n->kind != CXCursor_DeclRefExpr && n->kind != CXCursor_MemberRefExpr &&
           n->kind != CXCursor_ArraySubscriptExpr && n->kind != CXCursor_ParenExpr &&
           n->kind != CXCursor_CallExpr;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *site = sites[k], *arg = ms_child(ctx, site, 0);
    ms_op op;
    if (ms_operator(ctx, site, &op))
        return MS_ERROR;
    if (!strcmp(op.spelling, "++") || !strcmp(op.spelling, "--")) {
        unsigned how = 1 + ms_rand(ctx, 3); /* 1: flip direction, 2: flip position, 3: both */
        const char *o = op.spelling;
        if (how & 1)
            o = !strcmp(o, "++") ? "--" : "++";
        if (!(how & 2))
            return ms_replace(ctx, op.begin, op.end, spaced(ctx, op.begin, op.end, o));
        const char *a = ms_text(ctx, arg);
        const char *t = op.postfix ? ms_printf(ctx, "%s%s", o, a)
                                   : ms_printf(ctx, needs_parens(arg) ? "(%s)%s" : "%s%s", a, o);
        return ms_replace_node(ctx, site, spaced(ctx, site->begin, site->end, t));
    }
    static const char *const int_ops[] = {"-", "~", "!"};
    static const char *const flt_ops[] = {"-", "+", "!"};
    ms_tclass c = operand_class(ctx, site);
    const char *const *ops = c == MS_T_FLOAT ? flt_ops : int_ops;
    const char *repl;
    do {
        repl = ops[ms_rand(ctx, 3)];
    } while (!strcmp(repl, op.spelling));
    return ms_replace(ctx, op.begin, op.end, spaced(ctx, op.begin, op.end, repl));
}

MS_MUTATOR(change_unary_operator,
           "Exchange - ~ ! on a scalar operand, or flip ++/-- and prefix/postfix.", 0);
