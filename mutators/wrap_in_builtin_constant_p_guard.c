/*
 * wrap_in_builtin_constant_p_guard - guard a side-effect-free integer rvalue
 * with __builtin_constant_p, both branches being the value itself.
 *
 *   before:  return a * 3 + b;
 *   after:   return (__builtin_constant_p(a * 3) ? (a * 3) : (a * 3)) + b;
 *
 * Both arms are x, so the value is x (promoted, as any arithmetic use of x
 * is). __builtin_constant_p never evaluates its operand, and x is evaluated
 * once at run time. x holds no call, assignment, increment, statement
 * expression or volatile access, so repeating its text is harmless. As the
 * result is no constant expression, only run-time contexts inside function
 * bodies are sites: not case labels, array sizes, designators, enum values,
 * bit-field widths, _Static_assert or static initialisers. Operands of
 * sizeof, _Alignof, _Generic, asm, __builtin calls and lvalue positions are
 * not sites either.
 */
#include "mutsmith.h"

#include <string.h>

/* Is n evaluated at run time inside a function body (no constant context)? */
static int at_run_time(ms_ctx *ctx, const ms_node *n)
{
    const char *src = ms_source(ctx, NULL);
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        unsigned i = c->begin;
        while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t' || src[i - 1] == '\n' ||
                         src[i - 1] == '\r'))
            i--;
        if (((i > p->begin && src[i - 1] == '[') ||
             (i > p->begin + 2 && !strncmp(src + i - 3, "...", 3))) &&
            p->kind != CXCursor_ArraySubscriptExpr)
            return 0; /* array size or designator */
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) == c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            enum CX_StorageClass sc = clang_Cursor_getStorageClass(p->cursor);
            return !clang_Range_isNull(r) && b == c->begin && p->parent >= 0 &&
                   sc != CX_SC_Static && sc != CX_SC_Extern &&
                   ms_enclosing_function(ctx, p) != NULL;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 0;
        if (clang_isStatement(p->kind))
            return ms_enclosing_function(ctx, p) != NULL;
    }
    return 0;
}

static int same_range(const ms_node *a, const ms_node *b)
{
    return a && b && a->begin == b->begin && a->end == b->end;
}

static int is_int(const ms_node *n)
{
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    return k == MS_T_INT || k == MS_T_ENUM;
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

/* Could evaluating node n itself have a side effect (or touch volatile)? */
static int impure(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind == CXCursor_CallExpr || n->kind == CXCursor_CompoundAssignOperator ||
        n->kind == CXCursor_StmtExpr || n->kind == CXCursor_AsmStmt ||
        (clang_isStatement(n->kind) && !clang_isExpression(n->kind)) || n->in_macro)
        return 1;
    if (clang_isExpression(n->kind) && clang_isVolatileQualifiedType(clang_getCursorType(n->cursor)))
        return 1;
    if (n->kind == CXCursor_BinaryOperator || n->kind == CXCursor_UnaryOperator) {
        ms_op op;
        if (ms_operator(ctx, n, &op) != 0)
            return 1;
        return !strcmp(op.spelling, "=") || !strcmp(op.spelling, "++") ||
               !strcmp(op.spelling, "--");
    }
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const unsigned char *bad = user;
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        bad[ms_node_index(ctx, n)] || (same_range(p, n) && clang_isExpression(p->kind)))
        return 0;
    for (const ms_node *i = n; i && same_range(i, n); i = ms_child(ctx, i, 0))
        if (!is_int(i))
            return 0;
    const char *t = ms_text(ctx, n);
    if (t[0] == '.' || t[0] == '[' || t[0] == '{' || strstr(t, "({"))
        return 0;
    for (const ms_node *s = ms_child(ctx, p, 0); p->kind == CXCursor_UnexposedExpr && s && s != n;
         s = ms_node_at(ctx, s->next_sibling))
        if (same_range(s, n))
            return 0; /* GNU a ?: b repeats its condition */
    while (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr && same_range(p, c)))
        if (!(p = ms_parent(ctx, c = p)))
            return 0;
    if (modifies(ctx, p, c))
        return 0;
    if (p->kind == CXCursor_UnaryExpr || p->kind == CXCursor_AsmStmt ||
        p->kind == CXCursor_GenericSelectionExpr)
        return 0; /* sizeof and _Alignof operands, asm operands, _Generic */
    if (p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
        return 0; /* some builtins need constant arguments */
    return at_run_time(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    /* impurity of every subtree, computed once bottom-up */
    int count = ms_node_count(ctx);
    unsigned char *bad = ms_alloc(ctx, (size_t)count + 1);
    for (int i = count - 1; i >= 0; i--) {
        const ms_node *n = ms_node_at(ctx, i);
        if (!bad[i] && impure(ctx, n))
            bad[i] = 1;
        if (bad[i] && n->parent >= 0)
            bad[n->parent] = 1;
    }
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, bad, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *x = ms_text(ctx, sites[k]);
    return ms_replace_node(ctx, sites[k],
                           ms_printf(ctx, "(__builtin_constant_p(%s) ? (%s) : (%s))", x, x, x));
}

MS_MUTATOR(wrap_in_builtin_constant_p_guard,
           "Replace a side-effect-free integer rvalue x inside a function body by "
           "(__builtin_constant_p(x) ? (x) : (x)).",
           0);
