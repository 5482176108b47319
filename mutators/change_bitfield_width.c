/*
 * change_bitfield_width - give a named bit-field another width.
 *
 *   before:  struct S { unsigned mode : 3; };   after:  struct S { unsigned mode : 7; };
 *
 * Sites are named bit-fields whose width is written as an integer literal
 * and whose type has more than one bit. The new width stays within 1 and
 * the bit size of the field's type, and differs from the old one; values
 * that no longer fit are truncated (a warning at most).
 */
#include "mutsmith.h"

#include <string.h>

static long long type_bits(const ms_node *n)
{
    CXType t = clang_getCursorType(n->cursor);
    long long size = clang_Type_getSizeOf(t);
    if (clang_getCanonicalType(t).kind == CXType_Bool)
        return 1; /* one value bit, though sizeof is 1 */
    return size > 0 ? size * 8 : 0;
}

/* libclang shows a record (or enum) defined inside a typedef, variable or
 * field declaration twice: as a node of its own and inside that one. */
static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FieldDecl || !clang_Cursor_isBitField(n->cursor) ||
        !*ms_spelling(ctx, n->cursor) || type_bits(n) < 2 || copy_view(ctx, ms_parent(ctx, n)) ||
        strstr(ms_source(ctx, NULL), "tatic_assert")) /* layout assertions */
        return 0;
    const ms_node *w = ms_child(ctx, n, n->nchildren - 1);
    return w && w->kind == CXCursor_IntegerLiteral && w->end == n->end && ms_editable(ctx, w);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *w = ms_child(ctx, sites[k], sites[k]->nchildren - 1);
    long long bits = type_bits(sites[k]), old = clang_getFieldDeclBitWidth(sites[k]->cursor), nw;
    do {
        switch (ms_rand(ctx, 4)) {
        case 0:
            nw = 1;
            break;
        case 1:
            nw = bits - ms_rand(ctx, 2);
            break;
        case 2:
            nw = old + (ms_rand(ctx, 2) ? 1 : -1);
            break;
        default:
            nw = 1 + ms_rand(ctx, (unsigned)bits);
            break;
        }
    } while (nw == old || nw < 1 || nw > bits);
    return ms_replace_node(ctx, w, ms_printf(ctx, "%lld", nw));
}

MS_MUTATOR(change_bitfield_width,
           "Change the width of a named bit-field within the bit size of its type.", 0);
