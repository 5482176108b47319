/*
 * convert_sizeof_operand - switch sizeof between its expression and its
 * type form.
 *
 *   before:  n = sizeof buf / 2;            after:  n = sizeof(char [16]) / 2;
 *   before:  m = malloc(sizeof(struct node));   after:  m = malloc(sizeof(*(struct node *)0));
 *
 * sizeof expr becomes sizeof(T) with T the expression's type spelled by
 * ms_type_name: skipped for VLA, unspellable (anonymous struct, vector)
 * and function types, for bit-fields and for array parameters (which are
 * pointers). sizeof(T) becomes
 * sizeof(*(T *)0), the size of an unevaluated lvalue of type T, when T is
 * spelled with names, keywords and '*' only (so that T * is a pointer
 * to T) and is a complete object type of constant size: a pointer, or a
 * builtin, struct, union, enum or typedef type that is neither void, nor a
 * function, nor incomplete, nor variably modified. Both keep the value
 * and stay integer constant expressions.
 */
#include "mutsmith.h"

#include <string.h>

static unsigned skip_space(const char *s, unsigned i, unsigned end)
{
    while (i < end && strchr(" \t\r\n", s[i]))
        i++;
    return i;
}

static int is_ident(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* 1: sizeof expr (operand: *e), 2: sizeof(T) ((T) is [*l, *r]), 0: no site */
static int form(ms_ctx *ctx, const ms_node *n, const ms_node **e, unsigned *l, unsigned *r)
{
    const char *s = ms_source(ctx, NULL);
    if (n->kind != CXCursor_UnaryExpr || n->end - n->begin < 7 || strncmp(s + n->begin, "sizeof", 6) ||
        is_ident(s[n->begin + 6]))
        return 0;
    unsigned i = skip_space(s, n->begin + 6, n->end);
    const ms_node *c = ms_child(ctx, n, 0);
    if (n->nchildren == 1 && clang_isExpression(c->kind) && c->begin == i && c->end == n->end) {
        *e = c;
        CXType t = clang_getCursorType(c->cursor);
        ms_tclass k = ms_classify(t);
        if (k == MS_T_OTHER || k == MS_T_VOID || k == MS_T_FUNCTION)
            return 0;
        for (const ms_node *m = c; m; m = ms_child(ctx, m, 0)) {
            if (m->kind == CXCursor_DeclRefExpr && k == MS_T_ARRAY &&
                clang_getCursorReferenced(m->cursor).kind == CXCursor_ParmDecl)
                return 0; /* an array parameter is a pointer: its declared type misleads */
            if (m->kind == CXCursor_MemberRefExpr) {
                CXCursor f = clang_getCursorReferenced(m->cursor);
                if (clang_Cursor_isNull(f) || clang_Cursor_isBitField(f))
                    return 0;
            }
            if (m->kind != CXCursor_ParenExpr && m->kind != CXCursor_UnexposedExpr)
                break;
        }
        return ms_type_name(ctx, t) ? 1 : 0;
    }
    if (i >= n->end || s[i] != '(' || s[n->end - 1] != ')')
        return 0;
    *l = i;
    *r = n->end - 1;
    int star = 0, word = 0;
    for (unsigned j = i + 1; j < *r; j++) {
        if (s[j] == '*')
            star = 1;
        else if (is_ident(s[j]))
            word = 1;
        else if (!strchr(" \t\r\n", s[j]))
            return 0;
    }
    if (!word)
        return 0;
    if (star)
        return 2; /* a pointer: complete */
    const char *text = ms_text_range(ctx, i + 1, *r);
    if (n->nchildren == 0) /* builtin type keywords */
        return strstr(text, "void") || strstr(text, "__") ? 0 : 2;
    if (n->nchildren != 1 || c->kind != CXCursor_TypeRef)
        return 0;
    CXType t = clang_getCursorType(c->cursor);
    ms_tclass k = ms_classify(t);
    if (k == MS_T_OTHER || k == MS_T_VOID || k == MS_T_FUNCTION ||
        clang_getCanonicalType(t).kind == CXType_VariableArray || clang_Type_getSizeOf(t) < 0)
        return 0;
    return 2;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *e;
    unsigned l, r;
    return form(ctx, n, &e, &l, &r) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k], *e = NULL;
    unsigned l = 0, r = 0;
    int f = form(ctx, s, &e, &l, &r);
    if (f == 1) {
        char *t = ms_type_name(ctx, clang_getCursorType(e->cursor));
        if (!t)
            return MS_ERROR;
        return ms_replace(ctx, s->begin, s->end, ms_printf(ctx, "sizeof(%s)", t));
    }
    if (f != 2)
        return MS_ERROR;
    return ms_replace(ctx, l, r + 1, ms_printf(ctx, "(*(%s *)0)", ms_text_range(ctx, l + 1, r)));
}

MS_MUTATOR(convert_sizeof_operand,
           "Rewrite sizeof expr as sizeof(T) with T the expression's type, or sizeof(T) as "
           "sizeof(*(T *)0).",
           0);
