/*
 * wrap_in_generic_selection - wrap a scalar rvalue e in a C11 generic
 * selection keyed on its own type.
 *
 *   before:  r = a * b + c;
 *   after:   r = _Generic((a * b), int: (a * b), default: (a * b)) + c;
 *
 * The controlling expression is not evaluated, so side effects happen once.
 * Forms: default only, T plus default, or T only, where T is the type Clang
 * gives the written expression. T is used only when it matches after the
 * controlling expression's lvalue conversion: not qualified or _Atomic, no
 * array/function/VLA/anonymous type, no bit-field or enumeration constant
 * (their _Generic type differs between compilers). Not offered for operands
 * that are assigned, incremented or address-taken, for a 0 that converts to
 * a pointer (no longer a null pointer constant for every compiler), asm
 * operands, builtin call arguments, or expressions holding ({ ... }).
 */
#include "mutsmith.h"

#include <string.h>

static int same_extent(const ms_node *a, const ms_node *b)
{
    return a->begin == b->begin && a->end == b->end;
}

/* Innermost node with n's extent (below implicit conversions and casts). */
static const ms_node *innermost(ms_ctx *ctx, const ms_node *n)
{
    while (n->kind == CXCursor_UnexposedExpr && n->nchildren == 1) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (!c || !same_extent(c, n))
            break;
        n = c;
    }
    return n;
}

/* First ancestor that is no parenthesis or implicit conversion; *via: its child */
static const ms_node *eff_parent(ms_ctx *ctx, const ms_node *n, const ms_node **via)
{
    const ms_node *p = ms_parent(ctx, n);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && same_extent(p, n))))
        n = p, p = ms_parent(ctx, p);
    *via = n;
    return p;
}

static int scalar_class(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM || k == MS_T_POINTER;
}

static int modified(ms_ctx *ctx, const ms_node *p, const ms_node *c)
{
    ms_op op;
    if (p->kind == CXCursor_CompoundAssignOperator)
        return ms_child(ctx, p, 0) == c;
    if (ms_operator(ctx, p, &op) != 0)
        return p->kind == CXCursor_UnaryOperator || p->kind == CXCursor_BinaryOperator;
    if (p->kind == CXCursor_UnaryOperator)
        return strcmp(op.spelling, "&") == 0 || strcmp(op.spelling, "++") == 0 ||
               strcmp(op.spelling, "--") == 0 || strncmp(op.spelling, "__", 2) == 0;
    if (p->kind == CXCursor_BinaryOperator)
        return strcmp(op.spelling, "=") == 0 && ms_child(ctx, p, 0) == c;
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), *via;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        n->begin >= n->end || (p->kind == CXCursor_UnexposedExpr && same_extent(p, n)))
        return 0; /* only the outermost of an expression and its implicit conversions */
    const ms_node *in = innermost(ctx, n);
    if (!scalar_class(clang_getCursorType(n->cursor)) ||
        !scalar_class(clang_getCursorType(in->cursor)))
        return 0;
    /* a 0 (or other integer) that becomes a pointer */
    if (ms_classify(clang_getCursorType(n->cursor)) == MS_T_POINTER &&
        ms_classify(clang_getCursorType(in->cursor)) != MS_T_POINTER)
        return 0;
    if (ms_subtree_has(ctx, n, CXCursor_StmtExpr))
        return 0;
    const ms_node *e = eff_parent(ctx, n, &via);
    if (!e || e->kind == CXCursor_AsmStmt || e->kind == CXCursor_GenericSelectionExpr ||
        e->kind == CXCursor_UnaryExpr)
        return 0;
    if (e->kind == CXCursor_CallExpr) {
        const char *name = ms_spelling(ctx, e->cursor);
        if (name && strncmp(name, "__builtin", 9) == 0)
            return 0;
    }
    return !modified(ctx, e, via);
}

/* The association type for n, or NULL when only default is safe. */
static const char *assoc_type(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *in = innermost(ctx, n);
    CXType t = clang_getCursorType(in->cursor);
    CXType canon = clang_getCanonicalType(t);
    if (clang_isConstQualifiedType(canon) || clang_isVolatileQualifiedType(canon) ||
        clang_isRestrictQualifiedType(canon) || clang_isConstQualifiedType(t) ||
        clang_isVolatileQualifiedType(t) || clang_isRestrictQualifiedType(t))
        return NULL;
    if (in->kind == CXCursor_MemberRefExpr) {
        CXCursor f = clang_getCursorReferenced(in->cursor);
        if (clang_Cursor_isNull(f) || clang_Cursor_isBitField(f))
            return NULL;
    }
    if (in->kind == CXCursor_DeclRefExpr &&
        clang_getCursorReferenced(in->cursor).kind == CXCursor_EnumConstantDecl)
        return NULL;
    if (ms_classify(t) == MS_T_ENUM)
        return NULL;
    char *s = ms_type_name(ctx, t);
    if (!s || !*s || strchr(s, '[') || strstr(s, "_Atomic") || strstr(s, "anonymous") ||
        strstr(s, "unnamed") || strstr(s, "const") || strstr(s, "volatile") ||
        strstr(s, "restrict"))
        return NULL;
    return s;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *e = ms_text(ctx, sites[k]);
    const char *t = assoc_type(ctx, sites[k]);
    unsigned form = t ? ms_rand(ctx, 3) : 0;
    char *text;
    if (form == 0)
        text = ms_printf(ctx, "_Generic((%s), default: (%s))", e, e);
    else if (form == 1)
        text = ms_printf(ctx, "_Generic((%s), %s: (%s), default: (%s))", e, t, e, e);
    else
        text = ms_printf(ctx, "_Generic((%s), %s: (%s))", e, t, e);
    if (ms_replace_node(ctx, sites[k], text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(wrap_in_generic_selection,
           "Wrap a scalar rvalue expression e in a C11 generic selection _Generic((e), T: (e), "
           "default: (e)) keyed on its own type T.",
           0);
