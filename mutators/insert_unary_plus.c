/*
 * insert_unary_plus - wrap an arithmetic rvalue in a unary plus, or an
 * unsigned integer rvalue in a double negation.
 *
 *   before:  r = c + s.bits;      after:  r = +(c) + s.bits;
 *   before:  h = u * 31u;         after:  h = -(-(u)) * 31u;
 *
 * Sites: integer, enumeration and floating expressions used as values: not
 * the operand of = op= & ++ -- __real__ sizeof _Alignof _Generic asm or a
 * __builtin call, and inside declarations only in an initializer, a
 * bit-field width or an enumerator value (so no typeof or array size
 * changes type). +(x) is x after the integer promotions (char, short and
 * bit-field operands become int), which every such context accepts, also
 * in constant expressions. -(-(x)) is only used when x and its implicit
 * conversions are unsigned, so no negation can overflow. The result is
 * parenthesised as the base of a subscript (i[a]), and a space keeps a
 * preceding + or - from fusing into ++ or --.
 */
#include "mutsmith.h"

#include <string.h>

static int same_range(const ms_node *a, const ms_node *b)
{
    return a && b && a->begin == b->begin && a->end == b->end;
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

/* Is the context of n free of type-dependent constructs up to its statement? */
static int plain_context(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        switch (p->kind) {
        case CXCursor_UnaryExpr:
        case CXCursor_GenericSelectionExpr:
        case CXCursor_AsmStmt:
            return 0;
        case CXCursor_FieldDecl:
        case CXCursor_EnumConstantDecl:
            return 1;
        case CXCursor_VarDecl: {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return !clang_Range_isNull(r) && b == c->begin;
        }
        default:
            if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
                return 0;
            if (clang_isStatement(p->kind))
                return 1;
        }
    }
    return 0;
}

/* An integer (or, with fl, floating) value whose type may be promoted. */
static int value_site(ms_ctx *ctx, const ms_node *n, int fl)
{
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        n->begin >= n->end || (p->kind == CXCursor_UnexposedExpr && same_range(p, n)))
        return 0;
    ms_tclass k = ms_classify(clang_getCursorType(n->cursor));
    if (k != MS_T_INT && k != MS_T_ENUM && (!fl || k != MS_T_FLOAT))
        return 0;
    for (const ms_node *s = ms_child(ctx, p, 0); p->kind == CXCursor_UnexposedExpr && s && s != n;
         s = ms_node_at(ctx, s->next_sibling))
        if (same_range(s, n))
            return 0; /* GNU a ?: b repeats its condition */
    while (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr && same_range(p, c)))
        if (!(p = ms_parent(ctx, c = p)))
            return 0;
    if (modifies(ctx, p, c) || p->kind == CXCursor_UnaryExpr || p->kind == CXCursor_AsmStmt ||
        p->kind == CXCursor_GenericSelectionExpr)
        return 0;
    if (p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
        return 0; /* builtins may need a parameter name or a constant */
    return plain_context(ctx, n);
}

/* x and every implicit conversion of it are unsigned integers */
static int all_unsigned(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *m = n; m; m = ms_child(ctx, m, 0)) {
        CXType t = clang_getCursorType(m->cursor);
        if (ms_classify(t) != MS_T_INT || !ms_is_unsigned(t))
            return 0;
        if (m->kind != CXCursor_UnexposedExpr || !same_range(m, ms_child(ctx, m, 0)))
            return 1;
    }
    return 0;
}

/* n is the base of a subscript, where a prefix operator would bind the wrong way */
static int subscript_base(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n), *c = n;
    while (p && (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr &&
                                                   same_range(p, c))))
        p = ms_parent(ctx, c = p);
    return p && (p->kind == CXCursor_ArraySubscriptExpr || p->kind == CXCursor_MemberRefExpr ||
                 p->kind == CXCursor_CallExpr) &&
           c->begin == p->begin;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return value_site(ctx, n, 1);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *src = ms_source(ctx, NULL), *e = ms_text(ctx, s);
    const char *text = all_unsigned(ctx, s) && ms_chance(ctx, 1, 2)
                           ? ms_printf(ctx, "-(-(%s))", e)
                           : ms_printf(ctx, "+(%s)", e);
    if (subscript_base(ctx, s))
        text = ms_printf(ctx, "(%s)", text);
    else if (s->begin > 0 && src[s->begin - 1] == text[0])
        text = ms_printf(ctx, " %s", text);
    return ms_replace_node(ctx, s, text);
}

MS_MUTATOR(insert_unary_plus,
           "Wrap an integer or floating rvalue x in a unary plus +(x), or an unsigned integer "
           "rvalue in -(-(x)).",
           0);
