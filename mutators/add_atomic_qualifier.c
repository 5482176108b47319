/*
 * add_atomic_qualifier - qualify a local variable as C11 _Atomic.
 *
 *   before:  int n = 0; char *p = s;   after:  int _Atomic n = 0; char *_Atomic p = s;
 *
 * "_Atomic " is inserted right before the declared name, so it qualifies
 * the object itself. The name must follow a '*' or, when the declaration
 * declares one name only, the specifiers (in "int a, b" the qualifier
 * could not go before b). Sites: block-scope variables of integer, enum
 * or pointer type (not pointing to a struct or union: '->' on an atomic
 * pointer is poorly supported; nor to an array: clang rejects arithmetic
 * on an atomic pointer to an array) whose address is never taken and that are
 * not a switch condition, not _Atomic yet, in functions without inline asm.
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

/* Variables used directly as a switch condition (clang rejects an _Atomic
 * one), ended by a null cursor. */
static const CXCursor *switch_vars(ms_ctx *ctx)
{
    CXCursor *v = NULL;
    int nv = 0;
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i), *c;
        if (n->kind != CXCursor_SwitchStmt)
            continue;
        for (c = ms_child(ctx, n, 0);
             c && (c->kind == CXCursor_ParenExpr || c->kind == CXCursor_UnexposedExpr);)
            c = ms_child(ctx, c, 0);
        if (c && c->kind == CXCursor_DeclRefExpr) {
            CXCursor d = clang_getCanonicalCursor(clang_getCursorReferenced(c->cursor));
            ms_vec_push(ctx, &v, &nv, &d, sizeof d);
        }
    }
    CXCursor end = clang_getNullCursor();
    ms_vec_push(ctx, &v, &nv, &end, sizeof end);
    return v;
}

static int listed(const CXCursor *t, CXCursor c)
{
    for (c = clang_getCanonicalCursor(c); !clang_Cursor_isNull(*t); t++)
        if (clang_equalCursors(*t, c))
            return 1;
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const ms_node *p = ms_parent(ctx, n), *fn;
    if (n->kind != CXCursor_VarDecl || !p || p->kind != CXCursor_DeclStmt)
        return 0;
    if (!(fn = ms_enclosing_function(ctx, n)) || ms_subtree_has(ctx, fn, CXCursor_GCCAsmStmt))
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass c = ms_classify(t);
    if (c == MS_T_POINTER) {
        ms_tclass pc = ms_classify(clang_getPointeeType(clang_getCanonicalType(t)));
        if (pc == MS_T_RECORD || pc == MS_T_ARRAY || pc == MS_T_OTHER)
            return 0;
        /* an _Atomic pointer takes no null pointer constant 0 */
        for (int i = 0; i < n->nchildren; i++) {
            const ms_node *e = ms_child(ctx, n, i);
            while (e && (e->kind == CXCursor_UnexposedExpr || e->kind == CXCursor_ParenExpr))
                e = ms_child(ctx, e, 0); /* through the implicit null-to-pointer cast */
            if (e && clang_isExpression(e->kind) &&
                ms_classify(clang_getCursorType(e->cursor)) == MS_T_INT)
                return 0;
        }
    } else if (c != MS_T_INT && c != MS_T_ENUM) {
        return 0;
    }
    unsigned off = ms_name_offset(ctx, n);
    if (!off)
        return 0;
    const char *src = ms_source(ctx, NULL);
    unsigned i = off;
    while (i > p->begin && strchr(" \t\r\n", src[i - 1]))
        i--;
    if (i <= p->begin ||
        !(src[i - 1] == '*' ||
          (p->nchildren == 1 && (isalnum((unsigned char)src[i - 1]) || src[i - 1] == '_'))))
        return 0;
    char *head = ms_text_range(ctx, p->begin, off);
    if (strstr(head, "_Atomic") || strstr(head, "auto_type") || strstr(head, "typeof") ||
        strstr(head, "va_list"))
        return 0;
    return !ms_address_taken(ctx, n->cursor) && !listed(user, n->cursor);
}

static int mutate(ms_ctx *ctx)
{
    const CXCursor *t = switch_vars(ctx);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, (void *)t, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned off = ms_name_offset(ctx, sites[k]);
    if (!off)
        return MS_ERROR;
    return ms_insert(ctx, off, "_Atomic ");
}

MS_MUTATOR(add_atomic_qualifier,
           "Qualify a local integer, enum or pointer variable whose address is never taken as C11 "
           "_Atomic.",
           0);
