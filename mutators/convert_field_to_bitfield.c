/*
 * convert_field_to_bitfield - give an integer field of a struct or union an
 * explicit bit-field width equal to the full width of its type.
 *
 *   before:  struct S { char c; unsigned n; };
 *   after:   struct S { char c; unsigned n : 32; };
 *
 * Values and (for non-packed records) the layout stay the same, but the
 * compiler now takes its bit-field paths. A bit-field's address, size and
 * offset cannot be taken, so fields referenced under & (through parens),
 * sizeof/_Alignof/offsetof are skipped, as are fields with alignment
 * specifiers or attributes.
 */
#include "mutsmith.h"
#include <string.h>

static unsigned full_width(CXType t)
{
    CXType c = clang_getCanonicalType(t);
    switch (c.kind) {
    case CXType_Bool:
        return 1;
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_Char_S:
    case CXType_SChar:
    case CXType_UShort:
    case CXType_Short:
    case CXType_UInt:
    case CXType_Int:
    case CXType_ULong:
    case CXType_Long:
    case CXType_ULongLong:
    case CXType_LongLong:
    case CXType_Enum: {
        long long size = clang_Type_getSizeOf(c);
        return size > 0 && size <= 8 ? (unsigned)size * 8u : 0;
    }
    default:
        return 0;
    }
}

static int bad_use(ms_ctx *ctx, const ms_node *ref)
{
    const ms_node *p = ms_parent(ctx, ref);
    while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
        p = ms_parent(ctx, p);
    if (!p)
        return 0;
    if (p->kind == CXCursor_UnaryExpr)
        return 1;
    ms_op op;
    return p->kind == CXCursor_UnaryOperator && ms_operator(ctx, p, &op) == 0 &&
           strcmp(op.spelling, "&") == 0;
}

/* Offset just past the field's name, or 0. */
static unsigned name_end(ms_ctx *ctx, const ms_node *f)
{
    char *name = ms_spelling(ctx, f->cursor);
    size_t len, nlen = name ? strlen(name) : 0;
    const char *src = ms_source(ctx, &len);
    unsigned off;
    clang_getSpellingLocation(clang_getCursorLocation(f->cursor), NULL, NULL, NULL, &off);
    if (nlen == 0 || off < f->begin || off + nlen > f->end || strncmp(src + off, name, nlen) != 0)
        return 0;
    return off + (unsigned)nlen;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FieldDecl || clang_Cursor_isBitField(n->cursor))
        return 0;
    const ms_node *rec = ms_parent(ctx, n);
    if (!rec || (rec->kind != CXCursor_StructDecl && rec->kind != CXCursor_UnionDecl))
        return 0;
    if (!full_width(clang_getCursorType(n->cursor)) || !name_end(ctx, n))
        return 0;
    char *text = ms_text(ctx, n);
    if (strstr(text, "lignas") || strstr(text, "__attribute") || strstr(text, "_Atomic") ||
        strstr(text, "["))
        return 0;
    int count = ms_node_count(ctx);
    for (int i = 0; i < count; i++) {
        const ms_node *r = ms_node_at(ctx, i);
        if (r->kind != CXCursor_MemberRefExpr && r->kind != CXCursor_MemberRef)
            continue;
        if (clang_equalCursors(clang_getCursorReferenced(r->cursor), n->cursor) && bad_use(ctx, r))
            return 0;
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
    const ms_node *f = sites[k];
    unsigned at = name_end(ctx, f), w = full_width(clang_getCursorType(f->cursor));
    if (!at || !w)
        return MS_ERROR;
    return ms_insert(ctx, at, ms_printf(ctx, " : %u", w));
}

MS_MUTATOR(convert_field_to_bitfield,
           "Turn an integer struct or union field whose address and size are never taken into a "
           "bit-field of its full width.",
           0);
