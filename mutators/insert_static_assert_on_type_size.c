/*
 * insert_static_assert_on_type_size - after a file-scope type declaration,
 * assert the type's size (or alignment) as the parser computes it.
 *
 *   before:  struct pt { int x; char c; };
 *   after:   struct pt { int x; char c; };
 *            _Static_assert(sizeof(struct pt) == 8, "size");
 *
 * Sites are top-level struct, union and enum declarations and typedefs
 * outside macros whose declaration ends with a ';' right after the node
 * (so "struct s {...} v;" and the first name of "typedef int a, b;" are
 * skipped), whose type can be spelled (no anonymous struct without a
 * typedef name) and is an object type with a known size: libclang's
 * clang_Type_getSizeOf / clang_Type_getAlignOf fail for incomplete types,
 * function types and variably modified types; a struct or enum named by a
 * typedef must be defined before the typedef ends. The values are the ones the
 * same target computes, so the assertion holds.
 */
#include "mutsmith.h"

#include <string.h>

/* Offset just past the ';' that ends n, or 0. */
static unsigned semicolon_after(ms_ctx *ctx, const ms_node *n)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = n->end;
    while (i < len && strchr(" \t\r\n", src[i]))
        i++;
    return i < len && src[i] == ';' ? i + 1 : 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->parent >= 0 || (n->kind != CXCursor_StructDecl && n->kind != CXCursor_UnionDecl &&
                           n->kind != CXCursor_EnumDecl && n->kind != CXCursor_TypedefDecl))
        return 0;
    if (n->kind != CXCursor_TypedefDecl && !clang_isCursorDefinition(n->cursor))
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass c = ms_classify(t);
    if (c == MS_T_RECORD || c == MS_T_ENUM) {
        /* a typedef of a struct completed later is still incomplete here */
        CXCursor decl = clang_getTypeDeclaration(clang_getCanonicalType(t));
        CXCursor def = clang_getCursorDefinition(decl);
        unsigned off = 0;
        CXSourceLocation loc = clang_getRangeEnd(clang_getCursorExtent(def));
        clang_getFileLocation(loc, NULL, NULL, NULL, &off);
        if (clang_Cursor_isNull(def) || (clang_Location_isFromMainFile(loc) && off > n->end))
            return 0;
    }
    return c != MS_T_VOID && c != MS_T_FUNCTION && c != MS_T_OTHER &&
           clang_Type_getSizeOf(t) >= 0 && clang_Type_getAlignOf(t) > 0 &&
           semicolon_after(ctx, n) && ms_type_name(ctx, t) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *d = sites[k];
    CXType t = clang_getCursorType(d->cursor);
    char *name = ms_type_name(ctx, t);
    unsigned at = semicolon_after(ctx, d);
    if (!name || !at)
        return MS_ERROR;
    const char *text =
        ms_chance(ctx, 1, 3)
            ? ms_printf(ctx, "\n_Static_assert(_Alignof(%s) == %lld, \"align\");", name,
                        clang_Type_getAlignOf(t))
            : ms_printf(ctx, "\n_Static_assert(sizeof(%s) == %lld, \"size\");", name,
                        clang_Type_getSizeOf(t));
    return ms_insert(ctx, at, text);
}

MS_MUTATOR(insert_static_assert_on_type_size,
           "Insert after a file-scope struct, union, enum or typedef a static assertion of its "
           "size or alignment as computed by the parser.",
           0);
