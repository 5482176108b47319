/*
 * add_aligned_attribute_to_field - raise the alignment of one struct or
 * union member with a GNU aligned attribute after its declarator.
 *
 *   before:  struct S { char tag; int v[3]; };
 *   after:   struct S { char tag; int v[3] __attribute__((aligned(16))); };
 *
 * Sites: named, non-bit-field members of a struct or union whose natural
 * alignment A (clang_Type_getAlignOf) is known and at most 64. N is a power
 * of two with A <= N <= 64, so the attribute is accepted and only adds
 * padding; in a declaration of several members it applies to that
 * declarator only. Layout changes can break code that checks sizes or
 * offsets at compile time, so files containing _Static_assert or
 * static_assert are left alone.
 */
#include "mutsmith.h"

#include <string.h>

static long long field_align(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    if (n->kind != CXCursor_FieldDecl || !p ||
        (p->kind != CXCursor_StructDecl && p->kind != CXCursor_UnionDecl) ||
        clang_Cursor_isBitField(n->cursor) || !ms_spelling(ctx, n->cursor)[0])
        return 0;
    long long a = clang_Type_getAlignOf(clang_getCursorType(n->cursor));
    if (a <= 0 || a > 64)
        return 0;
    /* the declarator must end the field's text (no attribute or macro after it) */
    const char *src = ms_source(ctx, NULL);
    char last = src[n->end - 1];
    if (last != ']' && last != ')' && last != '_' && !(last >= '0' && last <= '9') &&
        !(last >= 'a' && last <= 'z') && !(last >= 'A' && last <= 'Z'))
        return 0;
    return a;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_FieldDecl && field_align(ctx, n) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const char *src = ms_source(ctx, NULL);
    if (strstr(src, "_Static_assert") || strstr(src, "static_assert"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    long long a = field_align(ctx, sites[k]);
    int steps = 0;
    while ((a << (steps + 1)) <= 64)
        steps++;
    long long na = a << ms_rand(ctx, (unsigned)steps + 1);
    return ms_insert(ctx, sites[k]->end, ms_printf(ctx, " __attribute__((aligned(%lld)))", na));
}

MS_MUTATOR(add_aligned_attribute_to_field,
           "Add __attribute__((aligned(N))) after the declarator of a named non-bit-field struct "
           "or union member, N a power of two between its natural alignment and 64.",
           0);
