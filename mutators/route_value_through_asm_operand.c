/*
 * route_value_through_asm_operand - pass an integer or pointer rvalue
 * through an empty asm statement that claims to modify it, so the compiler
 * can no longer see its value.
 *
 *   before:  return a + b;
 *   after:   return ({ int t_0 = (a + b); __asm__ volatile("" : "+r"(t_0)); t_0; });
 *   or:      ... __asm__ volatile("" : "=r"(t_0) : "0"(t_0)); ...
 *
 * The asm has an empty template, so t keeps its value at run time, but the
 * optimiser must treat it as unknown. Sites are integer, enum or (function)
 * pointer rvalues of at most 8 bytes (they fit a general register) inside a
 * function body, with the same exclusions as wrap_in_statement_expression,
 * since a statement expression is neither an lvalue, nor a null pointer
 * constant, nor a constant expression: no assigned, incremented or
 * address-taken operands, sizeof/_Alignof operands, asm operands, _Generic
 * parts, __builtin arguments, null pointer constants, case labels, array
 * sizes, designators, enum values, bit-field widths, _Static_assert and
 * static or file-scope initialisers. The temporary has the unqualified
 * canonical type of the value (spelled with ms_declarator; values whose
 * type cannot be spelled, such as pointers to anonymous structs, are
 * skipped) and a fresh name.
 */
#include "mutsmith.h"

#include <string.h>

/* The unqualified canonical type of n's value (no _Atomic, no vector). */
static CXType value_type(const ms_node *n)
{
    return clang_getUnqualifiedType(clang_getCanonicalType(clang_getCursorType(n->cursor)));
}

/* "T name" for the temporary, or NULL when T cannot be spelled here. */
static char *value_declarator(ms_ctx *ctx, CXType t, const char *name)
{
    enum CXTypeKind k = t.kind;
    if (k == CXType_Atomic || k == CXType_Invalid || k == CXType_Unexposed)
        return NULL;
    char *d = ms_declarator(ctx, t, name);
    if (!d || strstr(d, "anonymous") || strstr(d, "unnamed") || strstr(d, "(lambda") ||
        strstr(d, "__attribute__") || strstr(d, "_Atomic"))
        return NULL;
    return d;
}

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

static ms_tclass cls(const ms_node *n)
{
    return ms_classify(clang_getCursorType(n->cursor));
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
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        n->begin >= n->end || (p->kind == CXCursor_UnexposedExpr && same_range(p, n)))
        return 0;
    ms_tclass k = cls(n);
    if (k != MS_T_INT && k != MS_T_ENUM && k != MS_T_POINTER && k != MS_T_FUNCPTR)
        return 0;
    CXType t = value_type(n);
    long long size = clang_Type_getSizeOf(t);
    if (size <= 0 || size > 8)
        return 0;
    for (const ms_node *s = ms_child(ctx, p, 0); p->kind == CXCursor_UnexposedExpr && s && s != n;
         s = ms_node_at(ctx, s->next_sibling))
        if (same_range(s, n))
            return 0;      /* GNU a ?: b repeats its condition */
    if (k == MS_T_POINTER || k == MS_T_FUNCPTR) /* 0 converted to a pointer: ({ 0; }) is no null pointer */
        for (const ms_node *i = n; i && same_range(i, n); i = ms_child(ctx, i, 0))
            if (cls(i) != MS_T_POINTER)
                return 0;
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
    if (!at_run_time(ctx, n))
        return 0;
    /* builtin integer types are always spellable: skip the costly check */
    return (t.kind >= CXType_FirstBuiltin && t.kind <= CXType_LastBuiltin) ||
           value_declarator(ctx, t, "t") != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = sites[k];
    const char *t = ms_fresh_name(ctx, "asm_v");
    char *decl = value_declarator(ctx, value_type(e), t);
    if (!decl)
        return MS_ERROR;
    const char *ops = ms_chance(ctx, 1, 2) ? ms_printf(ctx, "\"+r\"(%s)", t)
                                           : ms_printf(ctx, "\"=r\"(%s) : \"0\"(%s)", t, t);
    return ms_replace_node(ctx, e,
                           ms_printf(ctx, "({ %s = (%s); __asm__ volatile(\"\" : %s); %s; })",
                                     decl, ms_text(ctx, e), ops, t));
}

MS_MUTATOR(route_value_through_asm_operand,
           "Route an integer or pointer rvalue inside a function through a fresh temporary that an "
           "empty __asm__ volatile statement claims to modify (+r or =r with 0 operand), in a GNU "
           "statement expression.",
           0);
