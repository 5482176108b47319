/*
 * add_function_prototype - declare a function defined in the file with a
 * copy of its definition's header, right before the definition or before
 * the first top-level declaration that uses it.
 *
 *   before:  int twice(int x) { return sq(x) * 2; }
 *            static int sq(int x) { return x * x; }   (with an earlier "static int sq(int);")
 *   after:   static int sq(int x);
 *            int twice(int x) { return sq(x) * 2; }
 *            static int sq(int x) { return x * x; }
 *
 * Sites are top-level function definitions outside macros, prototyped or
 * with an empty "()" list (no K&R parameter lists), whose header defines no
 * type. The prototype is the header text up to the body plus ';', so it
 * declares exactly the definition's type, storage class and specifiers.
 * Right before the definition it is always valid. Before the earliest
 * top-level declaration that names the function (which needs an earlier
 * declaration of it to be valid C) it is used only when the return and
 * parameter types are built-in types or pointers to them, spelled without
 * typedefs, arrays or attributes, so nothing in it needs a later
 * declaration.
 */
#include "mutsmith.h"

#include <string.h>

/* fn's header up to the body, as a prototype. */
static char *prototype(ms_ctx *ctx, const ms_node *fn, const ms_node *body)
{
    const char *src = ms_source(ctx, NULL);
    unsigned e = body->begin;
    while (e > fn->begin && strchr(" \t\r\n\f\v", src[e - 1]))
        e--;
    char *h = ms_text_range(ctx, fn->begin, e);
    const char *nl = strrchr(h, '\n');
    return ms_printf(ctx, strstr(nl ? nl : h, "//") ? "%s\n;" : "%s;", h);
}

/* A built-in type or a pointer to one, as written (no typedef). */
static int builtin(CXType t)
{
    for (int depth = 0; depth < 16; depth++) {
        switch (t.kind) {
        case CXType_Pointer:
            t = clang_getPointeeType(t);
            continue;
        case CXType_Void:
        case CXType_Bool:
        case CXType_Char_U:
        case CXType_UChar:
        case CXType_UShort:
        case CXType_UInt:
        case CXType_ULong:
        case CXType_ULongLong:
        case CXType_Char_S:
        case CXType_SChar:
        case CXType_Short:
        case CXType_Int:
        case CXType_Long:
        case CXType_LongLong:
        case CXType_Float:
        case CXType_Double:
        case CXType_LongDouble:
            return 1;
        default:
            return 0;
        }
    }
    return 0;
}

/* May fn's prototype move above earlier declarations? */
static int movable(ms_ctx *ctx, const ms_node *fn, const char *header)
{
    CXType ft = clang_getCursorType(fn->cursor);
    if (strstr(header, "__attribute") || strstr(header, "__declspec") || strchr(header, '[') ||
        strstr(header, "_Alignas") || strstr(header, "typeof") || strchr(header, '#') ||
        !builtin(clang_getResultType(ft)))
        return 0;
    int np = clang_Cursor_getNumArguments(fn->cursor);
    for (int i = 0; i < np; i++)
        if (!builtin(clang_getCursorType(clang_Cursor_getArgument(fn->cursor, (unsigned)i))))
            return 0;
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *body = ms_function_body(ctx, n);
    if (n->kind != CXCursor_FunctionDecl || n->parent >= 0 || !body)
        return 0;
    CXType ft = clang_getCursorType(n->cursor);
    if (ft.kind == CXType_FunctionNoProto ? clang_Cursor_getNumArguments(n->cursor) != 0
                                          : ft.kind != CXType_FunctionProto)
        return 0;
    return !strchr(ms_text_range(ctx, n->begin, body->begin), '{');
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = sites[k], *body = ms_function_body(ctx, fn), *first = NULL;
    if (!body)
        return MS_ERROR;
    char *proto = prototype(ctx, fn, body);
    if (movable(ctx, fn, proto) && ms_chance(ctx, 2, 3)) {
        /* the earliest top-level declaration naming fn */
        CXCursor canon = clang_getCanonicalCursor(fn->cursor);
        int end = ms_node_index(ctx, fn);
        for (int i = 0; i < end && !first; i++) {
            const ms_node *r = ms_node_at(ctx, i);
            if (r->kind == CXCursor_DeclRefExpr &&
                clang_equalCursors(
                    clang_getCanonicalCursor(clang_getCursorReferenced(r->cursor)), canon))
                first = ms_enclosing_toplevel(ctx, r);
        }
        if (first && (first->in_macro || first->begin >= fn->begin))
            first = NULL;
    }
    const char *text = ms_printf(ctx, "%s\n", proto);
    return first ? ms_insert_before_toplevel(ctx, first, text)
                 : ms_insert_before_toplevel(ctx, fn, text);
}

MS_MUTATOR(add_function_prototype,
           "Declare a function defined in the file with a copy of its header before its "
           "definition or before its first user.",
           0);
