/*
 * wrap_in_builtin_choose_expr - wrap a scalar rvalue in a GNU
 * __builtin_choose_expr whose constant condition selects it.
 *
 *   before:  case 4:  ...  return a + b;
 *   after:   case __builtin_choose_expr(0, 0, (4)):
 *            ...  return __builtin_choose_expr(1, (a + b), 0);
 *
 * __builtin_choose_expr(c, x, y) with a constant c is x itself: same type,
 * same value, a constant expression (even an integer constant expression or
 * a null pointer constant) when x is one, so sites also include case
 * labels, array bounds, enum values and static initialisers. Only scalar
 * values (integer, floating, enum, pointer) qualify, and an array or a
 * function that decays is not one. Not sites: operands that are assigned,
 * incremented, address-taken or used as member bases, asm operands,
 * arguments of __builtin calls, attribute arguments, initialiser lists and
 * designators.
 */
#include "mutsmith.h"

#include <string.h>

static int is_ident(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

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
           (e->kind == CXCursor_CompoundAssignOperator || e->kind == CXCursor_MemberRefExpr ||
            (e->kind == CXCursor_BinaryOperator &&
             (e->in_macro || comment || (s[i] == '=' && s[i + 1] != '='))));
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), *c = n;
    if (!p || !clang_isExpression(n->kind) || n->kind == CXCursor_InitListExpr ||
        (same_range(p, n) && clang_isExpression(p->kind)))
        return 0;
    const char *t = ms_text(ctx, n);
    if (t[0] == '.' || t[0] == '[' || t[0] == '{')
        return 0;
    /* every node sharing the range is scalar: no decaying array or function */
    for (const ms_node *i = n; i && same_range(i, n); i = ms_child(ctx, i, 0))
        if (!ms_is_scalar(clang_getCursorType(i->cursor)) || i->kind == CXCursor_InitListExpr)
            return 0;
    for (const ms_node *s = ms_child(ctx, p, 0); p->kind == CXCursor_UnexposedExpr && s && s != n;
         s = ms_node_at(ctx, s->next_sibling))
        if (same_range(s, n))
            return 0; /* GNU a ?: b repeats its condition */
    while (p->kind == CXCursor_ParenExpr || (p->kind == CXCursor_UnexposedExpr && same_range(p, c)))
        if (!(p = ms_parent(ctx, c = p)))
            return 0;
    if (modifies(ctx, p, c) || p->kind == CXCursor_AsmStmt)
        return 0;
    if (p->kind == CXCursor_CallExpr && !strncmp(ms_spelling(ctx, p->cursor), "__", 2))
        return 0; /* some builtins need particular arguments */
    for (const ms_node *a = p; a; a = ms_parent(ctx, a)) {
        if (clang_isAttribute(a->kind))
            return 0;
        if (clang_isStatement(a->kind) || clang_isDeclaration(a->kind))
            break;
    }
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *e = sites[k];
    const char *src = ms_source(ctx, NULL);
    const char *pre = e->begin > 0 && is_ident(src[e->begin - 1]) ? " " : "";
    const char *text = ms_text(ctx, e);
    const char *w = ms_chance(ctx, 1, 2)
                        ? ms_printf(ctx, "%s__builtin_choose_expr(1, (%s), 0)", pre, text)
                        : ms_printf(ctx, "%s__builtin_choose_expr(0, 0, (%s))", pre, text);
    return ms_replace_node(ctx, e, w);
}

MS_MUTATOR(wrap_in_builtin_choose_expr,
           "Wrap a scalar rvalue e in __builtin_choose_expr(1, (e), 0) or "
           "__builtin_choose_expr(0, 0, (e)), which is e with its type and constness.",
           0);
