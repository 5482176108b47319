/*
 * member_access_to_arrow - rewrite s.f as (&(s))->f and p->f as (*(p)).f.
 *
 *   before:  r.w = p->x;      after:  (&(r))->w = (*(p)).x;
 *
 * Both forms designate the same lvalue. s.f is only a site when s is an
 * lvalue whose address may be taken: a variable that is not `register`, a
 * member of such (via . or ->), an array element, a dereference or a
 * compound literal; never a function result or other struct rvalue.
 */
#include "mutsmith.h"

#include <string.h>

/* 1 for s.f, 2 for p->f, 0 otherwise; *op_end is the offset after . or -> */
static int access_kind(ms_ctx *ctx, const ms_node *n, unsigned *op_end)
{
    const ms_node *base = ms_child(ctx, n, 0);
    size_t len;
    const char *src = ms_source(ctx, &len);
    if (n->kind != CXCursor_MemberRefExpr || n->nchildren != 1 || base->begin != n->begin ||
        base->end >= n->end)
        return 0;
    unsigned i = base->end;
    while (i < n->end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'))
        i++;
    if (i + 1 < n->end && src[i] == '-' && src[i + 1] == '>')
        return *op_end = i + 2, 2;
    if (i < n->end && src[i] == '.')
        return *op_end = i + 1, 1;
    return 0;
}

static int addressable(ms_ctx *ctx, const ms_node *b)
{
    unsigned end;
    ms_op op;
    for (;;) {
        int k = access_kind(ctx, b, &end);
        if (k == 2)
            return 1;
        if (k == 1 || b->kind == CXCursor_ParenExpr)
            b = ms_child(ctx, b, 0);
        else
            break;
    }
    switch (b->kind) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(b->cursor);
        return clang_getCursorKind(d) == CXCursor_VarDecl ||
                       clang_getCursorKind(d) == CXCursor_ParmDecl
                   ? clang_Cursor_getStorageClass(d) != CX_SC_Register
                   : 0;
    }
    case CXCursor_ArraySubscriptExpr:
    case CXCursor_CompoundLiteralExpr:
        return 1;
    case CXCursor_UnaryOperator:
        return !ms_operator(ctx, b, &op) && !strcmp(op.spelling, "*");
    default:
        return 0;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned end;
    int k = n->kind == CXCursor_MemberRefExpr ? access_kind(ctx, n, &end) : 0;
    return k == 2 || (k == 1 && addressable(ctx, ms_child(ctx, n, 0)));
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned end;
    const ms_node *s = sites[k], *base = ms_child(ctx, s, 0);
    int kind = access_kind(ctx, s, &end);
    const char *b = ms_text(ctx, base), *member = ms_text_range(ctx, end, s->end);
    return ms_replace_node(ctx, s,
                           ms_printf(ctx, kind == 1 ? "(&(%s))->%s" : "(*(%s)).%s", b, member));
}

MS_MUTATOR(member_access_to_arrow, "Rewrite s.f as (&(s))->f and p->f as (*(p)).f.", 0);
