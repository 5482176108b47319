/*
 * convert_declaration_to_auto_type - let a local variable take its type
 * from its initialiser with GNU __auto_type.
 *
 *   before:  unsigned long n = strlen(s) + 1;
 *   after:   __auto_type n = strlen(s) + 1;
 *
 * Sites: a block-scope declaration statement (or for header) declaring
 * exactly one variable without storage class, whose type is not an array,
 * not const, volatile or _Atomic and is written without brackets (no VLA
 * pointer), initialised by an expression (not a brace list) whose type,
 * before any implicit conversion, is already that type: every implicit
 * conversion on top of the initialiser must keep the unqualified canonical
 * type, so __auto_type deduces exactly the declared type and every later
 * use of the variable keeps its meaning. Initialisers that refer to the
 * variable itself (not allowed with __auto_type) or read a bit-field are
 * skipped.
 */
#include "mutsmith.h"

#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static unsigned eq_begin(ms_ctx *ctx, const ms_node *v, const ms_node *init)
{
    const char *src = ms_source(ctx, NULL);
    unsigned i = init->begin;
    while (i > v->begin && is_space(src[i - 1]))
        i--;
    if (i <= v->begin || src[i - 1] != '=')
        return 0;
    i--;
    while (i > v->begin && is_space(src[i - 1]))
        i--;
    return i > v->begin ? i : 0;
}

static CXType bare(CXType t)
{
    return clang_getUnqualifiedType(clang_getCanonicalType(t));
}

/* Does the initialiser (and every implicit conversion on it) have type t? */
static int same_type(ms_ctx *ctx, const ms_node *e, CXType t)
{
    for (;;) {
        if (!clang_equalTypes(bare(clang_getCursorType(e->cursor)), t))
            return 0;
        const ms_node *c = ms_child(ctx, e, 0);
        if (e->kind == CXCursor_ParenExpr && c) {
            e = c; /* look for a bit-field below the parentheses */
            continue;
        }
        if (e->kind != CXCursor_UnexposedExpr || e->nchildren != 1 || !c ||
            c->begin != e->begin || c->end != e->end)
            break;
        e = c;
    }
    if (e->kind == CXCursor_MemberRefExpr &&
        clang_Cursor_isBitField(clang_getCursorReferenced(e->cursor)))
        return 0;
    return 1;
}

static unsigned site_eq(ms_ctx *ctx, const ms_node *d)
{
    if (d->kind != CXCursor_DeclStmt || d->nchildren != 1)
        return 0;
    const ms_node *p = ms_parent(ctx, d);
    if (!p || (p->kind != CXCursor_CompoundStmt && p->kind != CXCursor_ForStmt))
        return 0;
    const ms_node *v = ms_child(ctx, d, 0);
    if (!v || v->kind != CXCursor_VarDecl || v->nchildren < 1 || !ms_editable(ctx, v) ||
        clang_Cursor_getStorageClass(v->cursor) != CX_SC_None)
        return 0;
    CXType t = clang_getCursorType(v->cursor), c = clang_getCanonicalType(t);
    if (clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t) ||
        clang_isConstQualifiedType(c) || clang_isVolatileQualifiedType(c))
        return 0;
    switch (c.kind) {
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
    case CXType_Atomic:
    case CXType_Invalid:
    case CXType_Unexposed:
        return 0;
    default:
        break;
    }
    const ms_node *init = ms_child(ctx, v, v->nchildren - 1);
    if (!init || init->end != v->end || init->kind == CXCursor_InitListExpr ||
        !clang_isExpression(init->kind))
        return 0;
    const char *src = ms_source(ctx, NULL);
    if (src[init->begin] == '{')
        return 0;
    unsigned eq = eq_begin(ctx, v, init);
    if (!eq)
        return 0;
    const char *pre = ms_text_range(ctx, v->begin, eq);
    if (strchr(pre, '[') || strstr(pre, "auto_type") || strstr(pre, "register") ||
        strstr(pre, "_Atomic"))
        return 0;
    if (!same_type(ctx, init, bare(t)))
        return 0;
    /* the initialiser must not name the variable */
    int end = ms_subtree_end(ctx, init);
    for (int i = ms_node_index(ctx, init); i < end; i++) {
        const ms_node *r = ms_node_at(ctx, i);
        if (r->kind == CXCursor_DeclRefExpr &&
            clang_equalCursors(clang_getCursorReferenced(r->cursor), v->cursor))
            return 0;
    }
    return eq;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_DeclStmt && site_eq(ctx, n) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *d = sites[k], *v = ms_child(ctx, d, 0);
    unsigned eq = site_eq(ctx, d);
    if (!eq || !v)
        return MS_ERROR;
    return ms_replace(ctx, v->begin, eq,
                      ms_printf(ctx, "__auto_type %s", ms_spelling(ctx, v->cursor)));
}

MS_MUTATOR(convert_declaration_to_auto_type,
           "Rewrite a local declaration T x = e; whose initialiser already has type T into the "
           "GNU form __auto_type x = e;.",
           0);
