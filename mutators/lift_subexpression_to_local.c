/*
 * lift_subexpression_to_local - compute a side-effect-free subexpression in
 * a fresh local declared right before its statement.
 *
 *   before:  total = base + a[i] * scale;
 *   after:   int tmp_0 = (a[i] * scale);
 *            total = base + tmp_0;
 *
 * Sites: a value (an rvalue: no assigned, incremented, address-taken or
 * member-base operand, no callee) of integer, enumeration, floating,
 * pointer or struct/union type spelled by ms_declarator (no VLA or
 * anonymous types), in a statement that sits directly in a compound
 * statement inside a function: an expression statement, a return, the
 * condition of an if or switch, or the initializer of an automatic
 * variable; a lone literal is no site. It is reached from that statement
 * through expressions only, so loop conditions and increments (evaluated
 * again), case labels, array sizes, sizeof/_Alignof/_Generic operands and builtin arguments are
 * excluded, and so are the right operands of && and || and the branches
 * of ?: (evaluated conditionally). The subexpression contains only names,
 * literals, operators without side effects (no calls, assignments, ++,
 * --, comma, statement expressions) and no volatile access, and names
 * nothing (variable, type, enumerator) declared in the statement itself,
 * so it can be evaluated before the statement with the same value. The
 * local is initialised from it as an assignment would convert it, and a
 * name of its type is an rvalue of the same type wherever it is used.
 */
#include "mutsmith.h"

#include <string.h>

static int same_range(const ms_node *a, const ms_node *b)
{
    return a && b && a->begin == b->begin && a->end == b->end;
}

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

/* 1 if n's operator is in list (" a b "), 0 if not, -1 if unknown */
static int op_is(ms_ctx *ctx, const ms_node *n, const char *list)
{
    const char *op = op_text(ctx, n);
    if (!op)
        return -1;
    return strstr(list, ms_printf(ctx, " %s ", op)) != NULL;
}

/* Where c (a cursor) is declared in the main file, or -1. */
static long decl_offset(CXCursor c)
{
    if (clang_Cursor_isNull(c) || !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
        return -1;
    unsigned off = 0;
    CXFile f = NULL;
    clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, &off);
    return f ? (long)off : -1;
}

/* Is the declaration of c (a cursor) inside statement s? */
static int declared_in(ms_ctx *ctx, CXCursor c, const ms_node *s)
{
    (void)ctx;
    long off = decl_offset(c);
    return off >= (long)s->begin && off < (long)s->end;
}

/* Is a record, enum or typedef making up t declared inside s? */
static int type_declared_in(ms_ctx *ctx, CXType t, const ms_node *s)
{
    for (int depth = 0; depth < 32; depth++) {
        switch (t.kind) {
        case CXType_Pointer:
            t = clang_getPointeeType(t);
            break;
        case CXType_ConstantArray:
        case CXType_IncompleteArray:
            t = clang_getArrayElementType(t);
            break;
        case CXType_Elaborated:
            t = clang_Type_getNamedType(t);
            break;
        case CXType_Typedef:
            if (declared_in(ctx, clang_getTypeDeclaration(t), s))
                return 1;
            t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
            break;
        case CXType_Record:
        case CXType_Enum:
            return declared_in(ctx, clang_getTypeDeclaration(t), s);
        default:
            return 0;
        }
    }
    return 1;
}

/* Per call, built once: impure[i]: node i or a descendant has side effects,
 * a volatile access or an unknown construct; lastdecl[i]: the largest offset
 * of a main-file declaration named in node i's subtree (-1: none). Names
 * are declared before their use, so the subtree names nothing declared in a
 * statement s holding it iff lastdecl < s->begin. */
typedef struct tables {
    unsigned char *impure;
    long *lastdecl;
} tables;

static int impure_node(ms_ctx *ctx, const ms_node *m)
{
    if (clang_isExpression(m->kind) &&
        clang_isVolatileQualifiedType(clang_getCursorType(m->cursor)))
        return 1;
    switch (m->kind) {
    case CXCursor_DeclRefExpr:
    case CXCursor_TypeRef:
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_ParenExpr:
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
    case CXCursor_CStyleCastExpr:
    case CXCursor_ConditionalOperator:
        return 0;
    case CXCursor_UnexposedExpr: /* implicit conversions only */
        return m->nchildren != 1 || !same_range(m, ms_child(ctx, m, 0));
    case CXCursor_BinaryOperator:
        return op_is(ctx, m, " = , ") != 0;
    case CXCursor_UnaryOperator:
        return op_is(ctx, m, " + - ! ~ * & ") != 1;
    default:
        return 1;
    }
}

static void build_tables(ms_ctx *ctx, tables *t)
{
    int n = ms_node_count(ctx);
    t->impure = ms_alloc(ctx, (size_t)n + 1);
    t->lastdecl = ms_alloc(ctx, ((size_t)n + 1) * sizeof *t->lastdecl);
    for (int i = n - 1; i >= 0; i--) { /* pre-order: children after parents */
        const ms_node *m = ms_node_at(ctx, i);
        int bad = impure_node(ctx, m);
        long last = m->kind == CXCursor_DeclRefExpr || m->kind == CXCursor_TypeRef
                        ? decl_offset(clang_getCursorReferenced(m->cursor))
                        : -1;
        for (int c = m->first_child; c >= 0; c = ms_node_at(ctx, c)->next_sibling) {
            bad |= t->impure[c];
            if (t->lastdecl[c] > last)
                last = t->lastdecl[c];
        }
        t->impure[i] = (unsigned char)bad;
        t->lastdecl[i] = last;
    }
}

/* Could n, with no implicit conversion above it, be an lvalue or a function designator? */
static int maybe_lvalue(ms_ctx *ctx, const ms_node *n)
{
    while (n && n->kind == CXCursor_ParenExpr)
        n = ms_child(ctx, n, 0);
    if (!n)
        return 1;
    switch (n->kind) {
    case CXCursor_DeclRefExpr:
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_StringLiteral:
    case CXCursor_CompoundLiteralExpr:
        return 1;
    case CXCursor_UnaryOperator:
        return op_is(ctx, n, " * ") != 0; /* unknown (__real__ x): maybe */
    default:
        return 0;
    }
}

/* The statement n can be lifted out of, or NULL. */
static const ms_node *lift_from(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *s = ms_enclosing_statement(ctx, n);
    if (!s || s == n || !ms_editable(ctx, s) || !ms_enclosing_function(ctx, s))
        return NULL;
    const ms_node *c = n, *p = ms_parent(ctx, n);
    for (; p && p != s; c = p, p = ms_parent(ctx, p)) {
        switch (p->kind) {
        case CXCursor_UnexposedExpr:
            if (!same_range(p, c))
                return NULL; /* va_arg, offsetof, statement expression, ... */
            for (const ms_node *q = ms_child(ctx, p, 0); q; q = ms_node_at(ctx, q->next_sibling))
                if (q != c && same_range(q, c))
                    return NULL; /* GNU a ?: b repeats its condition */
            break;
        case CXCursor_BinaryOperator:
            if (op_is(ctx, p, " && || ") != 0 && ms_child(ctx, p, 0) != c)
                return NULL;
            break;
        case CXCursor_ConditionalOperator:
            if (ms_child(ctx, p, 0) != c)
                return NULL;
            break;
        case CXCursor_CallExpr:
            if (ms_child(ctx, p, 0) == c || !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
                return NULL; /* the callee, or a builtin's argument */
            break;
        case CXCursor_VarDecl: {
            if (ms_parent(ctx, p) != s || s->kind != CXCursor_DeclStmt)
                return NULL;
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            if (sc == CX_SC_Static || sc == CX_SC_Extern || clang_Range_isNull(r) ||
                b != c->begin)
                return NULL;
            break;
        }
        case CXCursor_UnaryExpr: /* sizeof, _Alignof */
        case CXCursor_GenericSelectionExpr:
            return NULL;
        default:
            if (!clang_isExpression(p->kind))
                return NULL;
        }
    }
    if (!p)
        return NULL;
    switch (s->kind) {
    case CXCursor_IfStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_ReturnStmt:
        return ms_child(ctx, s, 0) == c ? s : NULL;
    case CXCursor_DeclStmt:
        return c->kind == CXCursor_VarDecl ? s : NULL;
    default:
        return clang_isExpression(s->kind) && ms_stmt_is_whole(ctx, s) ? s : NULL;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const tables *tab = user;
    int i = ms_node_index(ctx, n);
    if (tab->impure[i])
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        (p->kind == CXCursor_UnexposedExpr && same_range(p, n)))
        return 0; /* only the outermost of an expression and its implicit conversions */
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass k = ms_classify(t);
    if (k != MS_T_INT && k != MS_T_FLOAT && k != MS_T_ENUM && k != MS_T_POINTER &&
        k != MS_T_FUNCPTR && k != MS_T_RECORD)
        return 0;
    if (maybe_lvalue(ctx, n))
        return 0;
    const ms_node *in = n; /* a lone literal is not worth a local */
    while (in && in->kind == CXCursor_UnexposedExpr && same_range(in, ms_child(ctx, in, 0)))
        in = ms_child(ctx, in, 0);
    if (!in || in->kind == CXCursor_IntegerLiteral || in->kind == CXCursor_FloatingLiteral ||
        in->kind == CXCursor_CharacterLiteral || in->kind == CXCursor_StringLiteral)
        return 0;
    const ms_node *s = lift_from(ctx, n);
    return s && tab->lastdecl[i] < (long)s->begin && !type_declared_in(ctx, t, s) &&
           ms_declarator(ctx, t, "x");
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    tables tab;
    build_tables(ctx, &tab);
    int n = ms_collect(ctx, is_site, &tab, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = sites[k], *s = lift_from(ctx, e);
    const char *name = ms_fresh_name(ctx, "tmp");
    char *decl = ms_declarator(ctx, clang_getCursorType(e->cursor), name);
    if (!s || !decl)
        return MS_ERROR;
    /* keep the statement's indentation when it starts its line */
    const char *src = ms_source(ctx, NULL);
    unsigned i = s->begin;
    while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t'))
        i--;
    const char *sep = " ";
    if (i == 0 || src[i - 1] == '\n')
        sep = ms_printf(ctx, "\n%s", ms_text_range(ctx, i, s->begin));
    const char *text = ms_printf(ctx, "%s = (%s);%s", decl, ms_text(ctx, e), sep);
    if (e->begin == s->begin)
        return ms_replace_node(ctx, e, ms_printf(ctx, "%s%s", text, name));
    if (ms_insert(ctx, s->begin, text))
        return MS_ERROR;
    return ms_replace_node(ctx, e, name);
}

MS_MUTATOR(lift_subexpression_to_local,
           "Move a side-effect-free subexpression of a statement into a fresh local declared and "
           "initialised right before that statement, and use the local in its place.",
           0);
