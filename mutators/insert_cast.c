/*
 * insert_cast - wrap an arithmetic rvalue in a cast to another arithmetic type.
 *
 *   before:  r = a * b + c;      after:  r = (unsigned char)(a * b) + c;
 *
 * Not offered for operands that are assigned, incremented, address-taken or
 * sizeof operands. In integer constant expressions only the value-keeping long
 * and long long are used; double/float only where a floating value is allowed
 * (not under % << & |, as an index, a switch or a pointer offset).
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

/* First ancestor that is no parenthesis or implicit conversion; *via: its child */
static const ms_node *eff_parent(ms_ctx *ctx, const ms_node *n, const ms_node **via)
{
    const ms_node *p = ms_parent(ctx, n);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && p->begin == n->begin && p->end == n->end)))
        n = p, p = ms_parent(ctx, p);
    *via = n;
    return p;
}

static int arith_type(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM;
}

/* May n's value become floating-point without making the program invalid? */
static int float_ok(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *c, *p = eff_parent(ctx, n, &c);
    if (!p)
        return 0;
    const ms_node *c0 = ms_child(ctx, p, 0), *other = ms_child(ctx, p, c0 == c);
    ms_op o; /* s: " op " to search in lists */
    const char *s = ms_operator(ctx, p, &o) ? " ? " : ms_printf(ctx, " %s ", o.spelling);
    switch (p->kind) {
    case CXCursor_BinaryOperator:
        if (strstr(" && || , ", s))
            return c0 == c || !strstr(" , ", s) || float_ok(ctx, p);
        return arith_type(clang_getCursorType(other->cursor)) &&
               (strstr(" < > <= >= == != ", s) || (c0 != c && strstr(" = ", s)) ||
                (strstr(" + - * / ", s) && float_ok(ctx, p)));
    case CXCursor_CompoundAssignOperator:
        return c0 != c && arith_type(clang_getCursorType(c0->cursor)) && strstr(" += -= *= /= ", s);
    case CXCursor_UnaryOperator:
        return strstr(" ! ", s) || (strstr(" - + ", s) && float_ok(ctx, p));
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_CompoundStmt:
        return c0 == c || p->kind == CXCursor_CompoundStmt;
    case CXCursor_VarDecl:
    case CXCursor_CStyleCastExpr:
        return arith_type(clang_getCursorType(p->cursor));
    case CXCursor_ReturnStmt: {
        const ms_node *fn = ms_enclosing_function(ctx, p);
        return fn && arith_type(clang_getResultType(clang_getCursorType(fn->cursor)));
    }
    case CXCursor_CallExpr: { /* builtins may need constants: __builtin_prefetch(p, 0, 3) */
        CXType t = clang_getCanonicalType(clang_getPointeeType(clang_getCursorType(c0->cursor)));
        int i = -1; /* c is argument i */
        for (const ms_node *a = c0; a && a != c; a = ms_node_at(ctx, a->next_sibling))
            i++;
        return c0 != c && strncmp(ms_spelling(ctx, p->cursor), "__builtin", 9) &&
               t.kind == CXType_FunctionProto && i < clang_getNumArgTypes(t) &&
               arith_type(clang_getArgType(t, (unsigned)i));
    }
    default:
        return 0;
    }
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

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), *c;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        !arith_type(clang_getCursorType(n->cursor)) ||
        (p->kind == CXCursor_UnexposedExpr && p->begin == n->begin && p->end == n->end))
        return 0; /* only the outermost of an expression and its implicit conversions */
    if (ms_classify(clang_getCursorType(n->cursor)) == MS_T_FLOAT && in_ice(ctx, n))
        return 0;
    const ms_node *e = eff_parent(ctx, n, &c);
    if (!e || e->kind == CXCursor_UnaryExpr /* sizeof x: (long)(x) reads as sizeof(long) */ ||
        e->kind == CXCursor_AsmStmt || e->kind == CXCursor_GenericSelectionExpr)
        return 0;
    return !modifies(ctx, e, c);
}

static int mutate(ms_ctx *ctx)
{
    /* the first two keep every value of an integer constant expression */
    static const char *const types[] = {"long",  "long long",      "int",         "unsigned char",
                                        "short", "unsigned",       "signed char", "unsigned long",
                                        "_Bool", "unsigned short", "double",      "float"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned nt = in_ice(ctx, sites[k]) ? 2 : float_ok(ctx, sites[k]) ? 12 : 10;
    const char *t = types[ms_rand(ctx, nt)];
    return ms_replace_node(ctx, sites[k], ms_printf(ctx, "(%s)(%s)", t, ms_text(ctx, sites[k])));
}

MS_MUTATOR(insert_cast, "Wrap an arithmetic rvalue in a cast to another arithmetic type.", 0);
