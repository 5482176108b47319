/*
 * replace_enum_constant_with_value - replace a use of an enumerator by its
 * value, as an integer literal or cast to its tagged enum type.
 *
 *   before:  enum color { RED, GREEN = 4 }; int f(void) { return GREEN + RED; }
 *   after:   enum color { RED, GREEN = 4 }; int f(void) { return ((enum color)4) + RED; }
 *
 * An enumerator is an integer constant expression of type int, and so is
 * the literal (negative values are parenthesised, INT_MIN is spelled
 * -2147483647 - 1) and a cast of it to an enum type, so case labels, array
 * bounds, bit-field widths and static initializers stay valid. Sites are
 * references (outside macros) to enumerators of type int. The cast is only
 * used for an enum whose definition spells a tag (not a typedef name), outside the enum's own definition (where
 * the type is still incomplete), in files without _Generic (the cast
 * changes the selected association).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

/* The enum definition def spells tag right after its keyword. */
static int tagged(ms_ctx *ctx, const ms_node *def, const char *tag)
{
    const char *src = ms_source(ctx, NULL);
    size_t l = strlen(tag);
    unsigned i = def->begin;
    if (!l || def->end - def->begin < 5 + l || memcmp(src + i, "enum", 4) != 0)
        return 0;
    for (i += 4; i < def->end && strchr(" \t\r\n", src[i]); i++)
        ;
    return i + l < def->end && memcmp(src + i, tag, l) == 0 &&
           !(isalnum((unsigned char)src[i + l]) || src[i + l] == '_');
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)ctx;
    (void)user;
    if (n->kind != CXCursor_DeclRefExpr)
        return 0;
    CXCursor e = clang_getCursorReferenced(n->cursor);
    if (e.kind != CXCursor_EnumConstantDecl || clang_getCursorType(n->cursor).kind != CXType_Int)
        return 0;
    long long v = clang_getEnumConstantDeclValue(e);
    return v >= -2147483647LL - 1 && v <= 2147483647LL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *r = sites[k];
    CXCursor e = clang_getCursorReferenced(r->cursor);
    long long v = clang_getEnumConstantDeclValue(e);
    const char *lit = v == -2147483647LL - 1 ? "(-2147483647 - 1)"
                      : v < 0                 ? ms_printf(ctx, "(%lld)", v)
                                              : ms_printf(ctx, "%lld", v);
    CXCursor en = clang_getCursorSemanticParent(e);
    if (en.kind == CXCursor_EnumDecl && !clang_Cursor_isAnonymous(en) &&
        !strstr(ms_source(ctx, NULL), "_Generic") && ms_chance(ctx, 1, 2)) {
        const ms_node *def = ms_find(ctx, clang_getCursorDefinition(en));
        const char *tag = ms_spelling(ctx, en);
        if (def && !(r->begin >= def->begin && r->end <= def->end) && tagged(ctx, def, tag))
            lit = ms_printf(ctx, "((enum %s)%s)", tag, lit);
    }
    return ms_replace_node(ctx, r, lit);
}

MS_MUTATOR(replace_enum_constant_with_value,
           "Replace a reference to an enumerator by its integer value, sometimes cast to its "
           "enum type.",
           0);
