/*
 * widen_operand_with_cast - cast one integer operand of a binary operator to
 * a wider (or equally wide) integer type.
 *
 *   before:  if (a * b > limit) ...      after:  if ((long long)(a) * b > limit) ...
 *
 * Sites: an operand of + - * / % << >> & | ^ < > <= >= == != when both
 * operands are integers (or enumerations). The cast operand is a cast
 * expression, valid as the operand of any binary operator; the usual
 * arithmetic conversions then give an integer result which every context of
 * an integer expression accepts, and a shift's right operand may have any
 * integer type. In integer constant expressions (case labels, array sizes,
 * static initialisers, enum values, bit-field widths) only a value-keeping
 * type is used (long long, or unsigned long long for unsigned long operands)
 * so static assertion tricks keep their value. Not offered under sizeof,
 * _Alignof, typeof or _Generic, whose results depend on the type, nor in
 * an expression longer than 4 KB (clang's conversion checks would take
 * quadratic time on the mutant of a deeply nested one).
 */
#include "mutsmith.h"

#include <string.h>

static const char *const ops[] = {"+",  "-", "*",  "/",  "%",  "<<", ">>", "&",
                                  "|",  "^", "<",  ">",  "<=", ">=", "==", "!="};

static int int_type(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_ENUM;
}

/* Is n in an integer constant expression rather than run-time code? */
static int in_ice(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) != c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            return clang_Range_isNull(r) || b != c->begin || sc == CX_SC_Static ||
                   !ms_enclosing_function(ctx, p);
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 1;
        if (clang_isStatement(p->kind))
            return 0;
    }
    return 1;
}

/* Is n below sizeof, _Alignof, _Generic or a type (typeof) up to its statement? */
static int type_dependent(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_UnaryExpr || p->kind == CXCursor_GenericSelectionExpr ||
            p->kind == CXCursor_AsmStmt)
            return 1;
        if (p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__builtin", 9))
            return 1; /* __builtin_choose_expr, __builtin_types_compatible_p, ... */
        if (p->kind == CXCursor_VarDecl || p->kind == CXCursor_FieldDecl ||
            p->kind == CXCursor_ParmDecl || p->kind == CXCursor_TypedefDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0, e = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &e);
            /* outside an initializer: array size or typeof in the type */
            return p->kind != CXCursor_VarDecl || clang_Range_isNull(r) || n->begin < b ||
                   n->end > e;
        }
        if (clang_isStatement(p->kind) || clang_isDeclaration(p->kind))
            return 0;
    }
    return 0;
}

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

/* Is the whole expression holding n longer than 4 KB? A new conversion in a
 * deeply nested expression makes clang's conversion checks take quadratic
 * time on the mutant (seconds for a 4000-deep chain of +). */
static int in_huge_expression(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *root = n;
    for (const ms_node *p = ms_parent(ctx, n); p && clang_isExpression(p->kind);
         p = ms_parent(ctx, p))
        root = p;
    return root->end - root->begin > 4096;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const char *op;
    if (n->kind != CXCursor_BinaryOperator || n->nchildren != 2 || !(op = op_text(ctx, n)))
        return 0;
    int known = 0;
    for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++)
        known |= !strcmp(op, ops[i]);
    const ms_node *a = ms_child(ctx, n, 0), *b = ms_child(ctx, n, 1);
    return known && a->end < b->begin && a->begin < a->end &&
           b->begin < b->end && int_type(clang_getCursorType(a->cursor)) &&
           int_type(clang_getCursorType(b->cursor)) && !type_dependent(ctx, n) &&
           !in_huge_expression(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    static const char *const types[] = {"long long", "unsigned long", "long",
                                        "unsigned long long", "unsigned", "int"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = ms_child(ctx, sites[k], (int)ms_rand(ctx, 2));
    CXType t = clang_getCanonicalType(clang_getCursorType(e->cursor));
    const char *type;
    if (t.kind == CXType_Int128 || t.kind == CXType_UInt128)
        type = t.kind == CXType_Int128 ? "__int128" : "unsigned __int128";
    else if (in_ice(ctx, sites[k]))
        type = t.kind == CXType_ULong || t.kind == CXType_ULongLong ? "unsigned long long"
                                                                    : "long long";
    else /* int and unsigned only for operands that are at most as wide */
        type = types[ms_rand(ctx, clang_Type_getSizeOf(t) <= 4 ? 6 : 4)];
    /* e may be a whole macro call such as N: its range is the call's */
    return ms_replace(ctx, e->begin, e->end, ms_printf(ctx, "(%s)(%s)", type, ms_text(ctx, e)));
}

MS_MUTATOR(widen_operand_with_cast,
           "Cast one integer operand of an arithmetic, bitwise, shift or comparison operator to "
           "a wider or equally wide integer type such as long long.",
           0);
