/*
 * convert_array_to_vla - turn a local fixed-size array into a variable
 * length array.
 *
 *   before:  int buf[16], n = 0;
 *   after:   long vla_0 = (16); int buf[vla_0], n = 0;
 *
 * The bound of the first dimension is moved into a fresh local variable
 * declared right before the declaration, so the array becomes a VLA
 * (sizeof is then evaluated at run time). Sites: arrays declared with
 * brackets (not through a typedef) in a declaration directly in a block,
 * with no storage class and no initializer (a VLA cannot be static or
 * initialised), outside switch bodies and in functions without goto (no
 * jump may enter the scope of a VLA).
 */
#include "mutsmith.h"

#include <string.h>

/* Offsets of the first dimension's '[' and matching ']' of n; 0 or -1. */
static int bounds(ms_ctx *ctx, const ms_node *n, unsigned *lb, unsigned *rb)
{
    unsigned off = ms_name_offset(ctx, n);
    if (!off)
        return -1;
    const char *src = ms_source(ctx, NULL);
    unsigned i = off + (unsigned)strlen(ms_spelling(ctx, n->cursor));
    while (i < n->end && strchr(" \t\r\n", src[i]))
        i++;
    if (i >= n->end || src[i] != '[')
        return -1;
    *lb = i;
    int depth = 0;
    for (; i < n->end; i++) {
        if (src[i] == '[' || src[i] == '(')
            depth++;
        else if ((src[i] == ']' || src[i] == ')') && --depth == 0) {
            if (src[i] != ']' || i == *lb + 1)
                return -1;
            *rb = i;
            return 0;
        }
    }
    return -1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *d = ms_parent(ctx, n), *b, *fn;
    if (n->kind != CXCursor_VarDecl || !d || d->kind != CXCursor_DeclStmt || !ms_editable(ctx, d) ||
        !(b = ms_parent(ctx, d)) || b->kind != CXCursor_CompoundStmt)
        return 0;
    if (clang_getCursorType(n->cursor).kind != CXType_ConstantArray ||
        clang_Cursor_getStorageClass(n->cursor) != CX_SC_None ||
        !clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(n->cursor)))
        return 0;
    if (!(fn = ms_enclosing_function(ctx, n)) || ms_subtree_has(ctx, fn, CXCursor_GotoStmt) ||
        ms_subtree_has(ctx, fn, CXCursor_IndirectGotoStmt))
        return 0;
    for (const ms_node *p = d; p; p = ms_parent(ctx, p))
        if (p->kind == CXCursor_SwitchStmt)
            return 0;
    unsigned lb, rb;
    return bounds(ctx, n, &lb, &rb) == 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned lb, rb;
    if (bounds(ctx, sites[k], &lb, &rb) != 0)
        return MS_ERROR;
    const char *v = ms_fresh_name(ctx, "vla");
    char *size = ms_text_range(ctx, lb + 1, rb);
    if (ms_insert(ctx, ms_parent(ctx, sites[k])->begin,
                  ms_printf(ctx, "long %s = (%s); ", v, size)) != MS_MUTATED ||
        ms_replace(ctx, lb + 1, rb, v) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(convert_array_to_vla,
           "Turn a local fixed-size array without initializer into a variable length array whose "
           "bound is read from a fresh local variable.",
           0);
