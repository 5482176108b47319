/*
 * convert_struct_assignment_to_builtin_memcpy - replace a whole-struct
 * assignment statement by a call of __builtin_memcpy.
 *
 *   before:  a = *p;
 *   after:   __builtin_memcpy(&(a), &(*p), sizeof (a));
 *
 * Sites are expression statements (in a block or as the body of an
 * if/loop/label, never the value of a statement expression) of the form
 * a = b where both sides are records of the same unqualified type and both
 * are addressable lvalues: a variable that is not register, a member of an
 * addressable record or reached through ->, an array element, a *p
 * dereference or a compound literal. The value of the assignment is unused,
 * so the call (which returns void *) can replace it; &a and &b convert to
 * void * and const void *. Volatile and _Atomic records are skipped.
 */
#include "mutsmith.h"

#include <string.h>

/* n without enclosing parentheses and same-range implicit conversions. */
static const ms_node *core(ms_ctx *ctx, const ms_node *n)
{
    while (n && (n->kind == CXCursor_ParenExpr || n->kind == CXCursor_UnexposedExpr) &&
           n->nchildren == 1) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (!c || (n->kind == CXCursor_UnexposedExpr && (c->begin != n->begin || c->end != n->end)))
            break;
        n = c;
    }
    return n;
}

static int addressable(ms_ctx *ctx, const ms_node *n, int depth)
{
    n = core(ctx, n);
    if (!n || depth > 32 || n->in_macro)
        return 0;
    const char *src = ms_source(ctx, NULL);
    switch (n->kind) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(n->cursor);
        enum CXCursorKind k = clang_getCursorKind(d);
        if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
            return 0;
        return clang_Cursor_getStorageClass(d) != CX_SC_Register;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor d = clang_getCursorReferenced(n->cursor);
        if (clang_getCursorKind(d) != CXCursor_FieldDecl || clang_Cursor_isBitField(d))
            return 0;
        const ms_node *base = ms_child(ctx, n, 0);
        if (!base || base->end > n->end)
            return 0;
        unsigned i = base->end;
        while (i < n->end && strchr(" \t\r\n)", src[i]))
            i++;
        if (i + 1 < n->end && src[i] == '-' && src[i + 1] == '>')
            return 1;
        return i < n->end && src[i] == '.' && addressable(ctx, base, depth + 1);
    }
    case CXCursor_ArraySubscriptExpr: {
        const ms_node *base = ms_child(ctx, n, 0);
        if (!base)
            return 0;
        enum CXTypeKind bk = clang_getCanonicalType(clang_getCursorType(base->cursor)).kind;
        return bk == CXType_Pointer || bk == CXType_ConstantArray ||
               bk == CXType_IncompleteArray || bk == CXType_VariableArray;
    }
    case CXCursor_UnaryOperator:
        return src[n->begin] == '*';
    case CXCursor_CompoundLiteralExpr:
        return 1;
    default:
        return 0;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_BinaryOperator || n->nchildren != 2 ||
        ms_stmt_position(ctx, n) == MS_POS_NONE || !ms_stmt_is_whole(ctx, n))
        return 0;
    ms_op op;
    if (ms_operator(ctx, n, &op) != 0 || strcmp(op.spelling, "=") != 0)
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    if (t.kind != CXType_Record || clang_isVolatileQualifiedType(t))
        return 0;
    const ms_node *a = ms_child(ctx, n, 0), *b = ms_child(ctx, n, 1);
    if (!a || !b)
        return 0;
    CXType ta = clang_getCanonicalType(clang_getCursorType(core(ctx, a)->cursor));
    CXType tb = clang_getCanonicalType(clang_getCursorType(core(ctx, b)->cursor));
    if (ta.kind != CXType_Record || tb.kind != CXType_Record ||
        clang_isVolatileQualifiedType(ta) || clang_isVolatileQualifiedType(tb) ||
        clang_isConstQualifiedType(ta) ||
        !clang_equalTypes(clang_getUnqualifiedType(ta), clang_getUnqualifiedType(tb)))
        return 0;
    return addressable(ctx, a, 0) && addressable(ctx, b, 0);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k], *a = ms_child(ctx, s, 0), *b = ms_child(ctx, s, 1);
    const char *ta = ms_text(ctx, a), *tb = ms_text(ctx, b);
    const char *size = ms_chance(ctx, 1, 2) ? ms_printf(ctx, "sizeof (%s)", ta)
                                            : ms_printf(ctx, "sizeof (%s)", tb);
    return ms_replace_node(ctx, s,
                           ms_printf(ctx, "__builtin_memcpy(&(%s), &(%s), %s)", ta, tb, size));
}

MS_MUTATOR(convert_struct_assignment_to_builtin_memcpy,
           "Replace a whole-struct assignment statement a = b; by __builtin_memcpy(&(a), &(b), "
           "sizeof (a)); when both sides are addressable lvalues of the same record type.",
           0);
