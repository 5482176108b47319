/*
 * convert_if_to_switch - rewrite an if that compares an integer with a
 * constant as a switch.
 *
 *   before:  if (c == 'x') n++; else n--;
 *   after:   switch (c) { case 'x': { n++; } break; default: { n--; } }
 *   before:  if (RED == k) f();
 *   after:   switch (k) { case RED: { f(); } break; default:; }
 *
 * Sites: the condition is `x == K` or `K == x` (parentheses allowed) where
 * x has integer or enum type and K is an integer or character literal,
 * possibly negated, or an enumerator, so K is a valid case label and
 * switch (x) picks it exactly when x == K (both convert alike). The
 * branches must hold no break whose loop or switch is outside them (it
 * would bind to the new switch) and no case/default label of an outer
 * switch; continue is unaffected. Each branch is put in braces. The whole
 * if and its branches must end with their own ';' or '}'.
 */
#include "mutsmith.h"

#include <string.h>

static const ms_node *strip(ms_ctx *ctx, const ms_node *e)
{
    while (e && (e->kind == CXCursor_ParenExpr || e->kind == CXCursor_UnexposedExpr) &&
           e->nchildren == 1)
        e = ms_child(ctx, e, 0);
    return e;
}

static int is_constant(ms_ctx *ctx, const ms_node *e)
{
    e = strip(ctx, e);
    if (!e)
        return 0;
    if (e->kind == CXCursor_IntegerLiteral || e->kind == CXCursor_CharacterLiteral)
        return 1;
    if (e->kind == CXCursor_DeclRefExpr)
        return clang_getCursorReferenced(e->cursor).kind == CXCursor_EnumConstantDecl;
    ms_op op;
    if (e->kind == CXCursor_UnaryOperator && ms_operator(ctx, e, &op) == 0 &&
        (!strcmp(op.spelling, "-") || !strcmp(op.spelling, "+")))
        return is_constant(ctx, ms_child(ctx, e, 0));
    return 0;
}

static int integer(const ms_node *e)
{
    ms_tclass k = ms_classify(clang_getCursorType(e->cursor));
    return k == MS_T_INT || k == MS_T_ENUM;
}

/* Can branch s move into a switch body? */
static int movable(ms_ctx *ctx, const ms_node *s)
{
    if (!s || !ms_editable(ctx, s) || !ms_stmt_is_whole(ctx, s))
        return 0;
    int first = ms_node_index(ctx, s);
    for (int i = first, end = ms_subtree_end(ctx, s); i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i), *t;
        if (d->kind != CXCursor_BreakStmt && d->kind != CXCursor_CaseStmt &&
            d->kind != CXCursor_DefaultStmt)
            continue;
        t = ms_jump_target(ctx, d);
        if (!t || ms_node_index(ctx, t) < first)
            return 0;
    }
    return 1;
}

typedef struct site {
    const ms_node *x, *k;
} site;

static int match(ms_ctx *ctx, const ms_node *n, site *st)
{
    if (n->kind != CXCursor_IfStmt || n->nchildren < 2 || n->nchildren > 3 ||
        !ms_stmt_is_whole(ctx, n))
        return 0;
    const ms_node *c = strip(ctx, ms_child(ctx, n, 0));
    ms_op op;
    if (!c || c->kind != CXCursor_BinaryOperator || c->nchildren != 2 ||
        ms_operator(ctx, c, &op) != 0 || strcmp(op.spelling, "==") != 0)
        return 0;
    const ms_node *l = ms_child(ctx, c, 0), *r = ms_child(ctx, c, 1);
    if (!l || !r || !ms_editable(ctx, l) || !ms_editable(ctx, r))
        return 0;
    if (is_constant(ctx, r) && !is_constant(ctx, l)) {
        st->x = l;
        st->k = r;
    } else if (is_constant(ctx, l) && !is_constant(ctx, r)) {
        st->x = r;
        st->k = l;
    } else {
        return 0;
    }
    if (!integer(strip(ctx, st->x)) || !integer(strip(ctx, st->k)))
        return 0;
    for (int i = 1; i < n->nchildren; i++)
        if (!movable(ctx, ms_child(ctx, n, i)))
            return 0;
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    site st;
    return match(ctx, n, &st);
}

static char *branch(ms_ctx *ctx, const ms_node *s)
{
    return ms_text_range(ctx, s->begin, ms_stmt_end(ctx, s));
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *ifs = sites[k];
    site st;
    if (!match(ctx, ifs, &st))
        return MS_ERROR;
    const ms_node *els = ifs->nchildren == 3 ? ms_child(ctx, ifs, 2) : NULL;
    const char *text = ms_printf(
        ctx, "switch (%s) { case %s: { %s } break; default:%s }", ms_text(ctx, st.x),
        ms_text(ctx, st.k), branch(ctx, ms_child(ctx, ifs, 1)),
        els ? ms_printf(ctx, " { %s }", branch(ctx, els)) : ";");
    return ms_replace(ctx, ifs->begin, ms_stmt_end(ctx, ifs), text);
}

MS_MUTATOR(convert_if_to_switch,
           "Rewrite if (x == K) a else b, with K an integer constant, as switch (x) { case K: "
           "{ a } break; default: { b } }.",
           0);
