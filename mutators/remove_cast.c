/*
 * remove_cast - remove an explicit cast between arithmetic types, or the
 * (void) cast of an expression statement.
 *
 *   before:  d = (double)n / 3;  (void)f(x);      after:  d = (n) / 3;  (f(x));
 *
 * The operand keeps a pair of parentheses so precedence is unchanged. A cast
 * from a floating to an integer type is only removed where a floating value
 * is also allowed (an assignment to or initialisation of an arithmetic
 * object, an arithmetic argument or return value, a comparison), never under
 * % << & |, as an index or in a switch. Casts in integer constant
 * expressions (case labels, array sizes) are not sites.
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

static ms_tclass cls(const ms_node *n)
{
    ms_tclass k = n ? ms_classify(clang_getCursorType(n->cursor)) : MS_T_OTHER;
    return k == MS_T_ENUM ? MS_T_INT : k;
}

static int arith(const ms_node *n)
{
    return cls(n) == MS_T_INT || cls(n) == MS_T_FLOAT;
}

/* May the cast n be replaced by a floating-point value? */
static int float_ok(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && p->begin == n->begin && p->end == n->end)))
        n = p, p = ms_parent(ctx, p);
    if (!p)
        return 0;
    const ms_node *c0 = ms_child(ctx, p, 0), *other = ms_child(ctx, p, c0 == n);
    ms_op op;
    const char *s = ms_operator(ctx, p, &op) ? "" : op.spelling;
    switch (p->kind) {
    case CXCursor_BinaryOperator:
        if (!strcmp(s, "=") && c0 != n)
            return arith(c0);
        return arith(other) && *s && strstr(" < > <= >= == != ", ms_printf(ctx, " %s ", s));
    case CXCursor_CompoundStmt:
        return 1;
    case CXCursor_VarDecl:
    case CXCursor_CStyleCastExpr:
        return arith(p);
    case CXCursor_ReturnStmt: {
        const ms_node *fn = ms_enclosing_function(ctx, p);
        ms_tclass k =
            fn ? ms_classify(clang_getResultType(clang_getCursorType(fn->cursor))) : MS_T_OTHER;
        return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM;
    }
    case CXCursor_CallExpr: {
        CXType t = clang_getCanonicalType(clang_getCursorType(c0->cursor));
        if (t.kind == CXType_Pointer)
            t = clang_getCanonicalType(clang_getPointeeType(t));
        int i = 0;
        while (ms_child(ctx, p, i + 1) != n)
            i++;
        if (c0 == n || t.kind != CXType_FunctionProto || i >= clang_getNumArgTypes(t))
            return 0;
        ms_tclass k = ms_classify(clang_getArgType(t, (unsigned)i));
        return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM;
    }
    default:
        return 0;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_CStyleCastExpr || n->nchildren < 1)
        return 0;
    const ms_node *arg = ms_child(ctx, n, n->nchildren - 1), *p = ms_parent(ctx, n);
    if (!clang_isExpression(arg->kind) || arg->begin <= n->begin || arg->end != n->end)
        return 0;
    ms_tclass to = cls(n), from = cls(arg);
    if (to == MS_T_VOID)
        return p && p->kind == CXCursor_CompoundStmt;
    if ((to != MS_T_INT && to != MS_T_FLOAT) || (from != MS_T_INT && from != MS_T_FLOAT) ||
        in_ice(ctx, n))
        return 0;
    return !(to == MS_T_INT && from == MS_T_FLOAT) || float_ok(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *arg = ms_child(ctx, sites[k], sites[k]->nchildren - 1);
    const char *t = ms_text_range(ctx, arg->begin, sites[k]->end);
    if (arg->kind != CXCursor_ParenExpr)
        t = ms_printf(ctx, "(%s)", t);
    return ms_replace_node(ctx, sites[k], t);
}

MS_MUTATOR(remove_cast, "Remove an explicit cast between arithmetic types, or a (void) cast.", 0);
