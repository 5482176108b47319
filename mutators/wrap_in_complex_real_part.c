/*
 * wrap_in_complex_real_part - route an arithmetic rvalue through a complex
 * type and take its real part back.
 *
 *   before:  s += a[i] * k;
 *   after:   s += (__real__ (_Complex int)(a[i] * k));
 *
 * Converting a real value to a complex type keeps it as the real part, so
 * the value and type are unchanged; integer types use GNU complex integer
 * types. T is the type of the expression after its implicit conversions,
 * spelled from its canonical kind (no typedefs, qualifiers, enums, _Bool).
 * Sites are evaluated at run time only (no case labels, array sizes, enum
 * values, bit-field widths, _Static_assert, static initialisers) and are not
 * assigned, incremented, address-taken, sizeof/_Alignof, asm or _Generic
 * operands, nor arguments of __builtin functions.
 */
#include "mutsmith.h"

#include <string.h>

static const char *real_type(CXType t)
{
    switch (clang_getCanonicalType(t).kind) {
    case CXType_Char_S:
    case CXType_Char_U:
        return "char";
    case CXType_SChar:
        return "signed char";
    case CXType_UChar:
        return "unsigned char";
    case CXType_Short:
        return "short";
    case CXType_UShort:
        return "unsigned short";
    case CXType_Int:
        return "int";
    case CXType_UInt:
        return "unsigned int";
    case CXType_Long:
        return "long";
    case CXType_ULong:
        return "unsigned long";
    case CXType_LongLong:
        return "long long";
    case CXType_ULongLong:
        return "unsigned long long";
    case CXType_Float:
        return "float";
    case CXType_Double:
        return "double";
    case CXType_LongDouble:
        return "long double";
    default:
        return NULL;
    }
}

static int same_extent(const ms_node *a, const ms_node *b)
{
    return a->begin == b->begin && a->end == b->end;
}

static int at_run_time(ms_ctx *ctx, const ms_node *n)
{
    if (!ms_enclosing_function(ctx, n))
        return 0;
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) == c;
        if (p->kind == CXCursor_VarDecl) {
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            if (sc == CX_SC_Static || sc == CX_SC_Extern)
                return 0;
            if (clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(p->cursor)))
                return 0;
            return ms_child(ctx, p, p->nchildren - 1) == c;
        }
        if (clang_isDeclaration(p->kind))
            return 0;
        if (clang_isStatement(p->kind))
            return 1;
    }
    return 0;
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

static int modified(ms_ctx *ctx, const ms_node *p, const ms_node *c)
{
    ms_op op;
    if (p->kind == CXCursor_CompoundAssignOperator)
        return ms_child(ctx, p, 0) == c;
    if (p->kind != CXCursor_UnaryOperator && p->kind != CXCursor_BinaryOperator)
        return 0;
    if (ms_operator(ctx, p, &op) != 0)
        return 1;
    if (p->kind == CXCursor_UnaryOperator)
        return strcmp(op.spelling, "&") == 0 || strcmp(op.spelling, "++") == 0 ||
               strcmp(op.spelling, "--") == 0 || strncmp(op.spelling, "__", 2) == 0;
    return strcmp(op.spelling, "=") == 0 && ms_child(ctx, p, 0) == c;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), *via;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        n->begin >= n->end || (p->kind == CXCursor_UnexposedExpr && same_extent(p, n)))
        return 0; /* only the outermost of an expression and its implicit conversions */
    if (!real_type(clang_getCursorType(n->cursor)) || !at_run_time(ctx, n))
        return 0;
    const ms_node *e = eff_parent(ctx, n, &via);
    if (!e || e->kind == CXCursor_UnaryExpr || e->kind == CXCursor_AsmStmt ||
        e->kind == CXCursor_GenericSelectionExpr)
        return 0;
    if (e->kind == CXCursor_CallExpr) {
        const char *name = ms_spelling(ctx, e->cursor);
        if (name && strncmp(name, "__builtin", 9) == 0)
            return 0;
    }
    return !modified(ctx, e, via);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *t = real_type(clang_getCursorType(sites[k]->cursor));
    if (!t)
        return MS_ERROR;
    char *text = ms_printf(ctx, "(__real__ (_Complex %s)(%s))", t, ms_text(ctx, sites[k]));
    if (ms_replace_node(ctx, sites[k], text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(wrap_in_complex_real_part,
           "Replace an arithmetic rvalue e of real type T with (__real__ (_Complex T)(e)), routing "
           "the value through a GNU complex (or complex integer) conversion.",
           0);
