/*
 * outline_constant_expression - move a constant arithmetic expression of a
 * function body into a new static function and call it instead.
 *
 *   before:  int area(int w) { return w * (BIG + 2 * sizeof(int)); }
 *   after:   static unsigned long const_0(void) { return (BIG + 2 * sizeof(int)); }
 *            int area(int w) { return w * const_0(); }
 *
 * Sites are integer or floating expressions inside function bodies, other
 * than a bare literal, built only from literals, enumerators of file-scope
 * enums, sizeof/_Alignof of file-scope types, casts and the arithmetic,
 * bitwise, relational, logical and conditional operators, with no macro
 * expansion inside. The new function returns the expression's own type, so
 * the call has the same type and value. The expression must sit where any
 * value of its type is accepted: along the way to the function body only
 * expressions (not sizeof, a builtin's argument, _Generic or
 * __builtin_choose_expr), statements (not a case label), and the
 * initializer of an automatic variable; never an array bound, a bit-field
 * width, a static initializer, an alignment, an asm operand or a
 * conversion to a pointer (where a zero constant is a null pointer).
 */
#include "mutsmith.h"

#include <string.h>

enum { MAX_TEXT = 4096 };

typedef struct flags {
    unsigned char *constant, *context;
} flags;

/* Declared at file scope (an enum constant: its enum at file scope)? */
static int file_scope(CXCursor d)
{
    if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl)
        d = clang_getCursorSemanticParent(d);
    return clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_TranslationUnit;
}

/* Node n on its own (children aside) may be part of a constant expression. */
static int constant_node(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    if (n->in_macro)
        return 0;
    switch (n->kind) {
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
    case CXCursor_ParenExpr:
    case CXCursor_CStyleCastExpr:
    case CXCursor_ConditionalOperator:
    case CXCursor_UnaryExpr:
    case CXCursor_UnexposedExpr:
        return 1;
    case CXCursor_TypeRef:
        return file_scope(clang_getCursorReferenced(n->cursor));
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(n->cursor);
        return clang_getCursorKind(d) == CXCursor_EnumConstantDecl && file_scope(d);
    }
    case CXCursor_UnaryOperator:
        return ms_operator(ctx, n, &op) == 0 && !op.spelling[1] && strchr("-+~!", op.spelling[0]);
    case CXCursor_BinaryOperator:
        return ms_operator(ctx, n, &op) == 0 && strcmp(op.spelling, "=") != 0 &&
               strcmp(op.spelling, ",") != 0;
    default:
        return 0;
    }
}

/* An implicit conversion: an UnexposedExpr with one child of its extent. */
static int implicit(const ms_ctx *ctx, const ms_node *n)
{
    const ms_node *c = ms_child(ctx, n, 0);
    return n->kind == CXCursor_UnexposedExpr && n->nchildren == 1 && c && c->begin == n->begin &&
           c->end == n->end;
}

/* May child c of p be replaced by a call, as far as p is concerned? */
static int context_edge(ms_ctx *ctx, const ms_node *p, const ms_node *c)
{
    switch (p->kind) {
    case CXCursor_ParenExpr:
    case CXCursor_UnaryOperator:
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
    case CXCursor_ConditionalOperator:
    case CXCursor_CStyleCastExpr:
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_MemberRefExpr:
    case CXCursor_InitListExpr:
    case CXCursor_CompoundStmt:
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_ForStmt:
    case CXCursor_ReturnStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
    case CXCursor_DeclStmt:
    case CXCursor_StmtExpr:
        return 1;
    case CXCursor_CallExpr:
        return strncmp(ms_spelling(ctx, clang_getCursorReferenced(p->cursor)), "__", 2) != 0;
    case CXCursor_UnexposedExpr: {
        ms_tclass k = ms_classify(clang_getCursorType(p->cursor));
        return implicit(ctx, p) && k != MS_T_POINTER && k != MS_T_FUNCPTR;
    }
    case CXCursor_CaseStmt:
        return c == ms_child(ctx, p, p->nchildren - 1);
    case CXCursor_VarDecl: {
        enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
        CXCursor init = clang_Cursor_getVarDeclInitializer(p->cursor);
        if (clang_Cursor_isNull(init) || (sc != CX_SC_None && sc != CX_SC_Auto &&
                                          sc != CX_SC_Register))
            return 0;
        CXSourceRange r = clang_getCursorExtent(init);
        unsigned b = 0, e = 0;
        clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
        clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &e);
        return b == c->begin && e == c->end;
    }
    case CXCursor_FunctionDecl:
        return c->kind == CXCursor_CompoundStmt;
    default:
        return 0;
    }
}

/* constant[i]: node i's subtree is a constant expression; context[i]: an
 * expression at i may be replaced by a call. One pass each way. */
static flags compute(ms_ctx *ctx)
{
    int n = ms_node_count(ctx);
    flags f = {ms_alloc(ctx, (size_t)n + 1), ms_alloc(ctx, (size_t)n + 1)};
    for (int i = n - 1; i >= 0; i--) {
        const ms_node *x = ms_node_at(ctx, i);
        /* children first: ms_operator tokenizes the node; large ones are
         * not worth outlining and would make this quadratic */
        int ok = x->end - x->begin <= MAX_TEXT;
        for (int c = x->first_child; ok && c >= 0; c = ms_node_at(ctx, c)->next_sibling)
            ok = f.constant[c];
        f.constant[i] = (unsigned char)(ok && constant_node(ctx, x));
    }
    for (int i = 0; i < n; i++) {
        const ms_node *x = ms_node_at(ctx, i), *p = ms_parent(ctx, x);
        f.context[i] = (unsigned char)(p && (p->kind == CXCursor_FunctionDecl ||
                                             f.context[x->parent]) &&
                                       context_edge(ctx, p, x));
    }
    return f;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const flags *f = user;
    int i = ms_node_index(ctx, n);
    if (!clang_isExpression(n->kind) || !f->constant[i] || !f->context[i] || implicit(ctx, n))
        return 0;
    const ms_node *c = n;
    while (c && (c->kind == CXCursor_ParenExpr || implicit(ctx, c)))
        c = ms_child(ctx, c, 0);
    if (!c || c->kind == CXCursor_IntegerLiteral || c->kind == CXCursor_FloatingLiteral ||
        c->kind == CXCursor_CharacterLiteral || c->kind == CXCursor_StringLiteral)
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    ms_tclass k = ms_classify(t);
    return (k == MS_T_INT || k == MS_T_FLOAT) && ms_type_name(ctx, t) != NULL &&
           ms_enclosing_function(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    flags f = compute(ctx);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &f, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = sites[k];
    char *type = ms_type_name(ctx, clang_getCanonicalType(clang_getCursorType(e->cursor)));
    if (!type)
        return MS_ERROR;
    const char *name = ms_fresh_name(ctx, "const");
    const char *fn = ms_printf(ctx, "static %s %s(void)\n{\n    return (%s);\n}\n", type, name,
                               ms_text(ctx, e));
    if (ms_insert_before_toplevel(ctx, e, fn) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace_node(ctx, e, ms_printf(ctx, "%s()", name));
}

MS_MUTATOR(outline_constant_expression,
           "Move a constant arithmetic expression of a function body into a new static function "
           "of its type and call that function in its place.",
           0);
