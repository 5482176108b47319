/*
 * hoist_local_declaration - move the declaration of an initialized scalar
 * local variable to the start of its function and leave an assignment.
 *
 *   before:  int f(int n) { g(); if (n) { long v = n * 2; h(v); } }
 *   after:   int f(int n) { long v; g(); if (n) { v = (n * 2); h(v); } }
 *
 * Sites: a block-level declaration of exactly one automatic, non-const
 * scalar variable with a non-brace initializer. Skipped when the name is
 * declared or referenced for another entity anywhere in the function, when
 * its type is declared inside the function, or when it is unspellable.
 */
#include "mutsmith.h"
#include <string.h>

static int type_is_local(ms_ctx *ctx, CXType t, const ms_node *fn)
{
    for (int guard = 0; guard < 16 && t.kind == CXType_Pointer; guard++)
        t = clang_getPointeeType(t);
    CXCursor d[2] = {clang_getTypeDeclaration(t),
                     clang_getTypeDeclaration(clang_getCanonicalType(t))};
    for (int i = 0; i < 2; i++) {
        if (clang_Cursor_isNull(d[i]) || clang_isInvalid(clang_getCursorKind(d[i])))
            continue;
        const ms_node *dn = ms_find(ctx, d[i]);
        if (dn && dn->begin >= fn->begin && dn->end <= fn->end)
            return 1;
    }
    return 0;
}

static int name_clashes(ms_ctx *ctx, const ms_node *fn, const ms_node *var, const char *name)
{
    int end = ms_subtree_end(ctx, fn);
    for (int i = ms_node_index(ctx, fn) + 1; i < end; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        switch (n->kind) {
        case CXCursor_VarDecl:
        case CXCursor_ParmDecl:
        case CXCursor_FunctionDecl:
        case CXCursor_TypedefDecl:
        case CXCursor_EnumConstantDecl:
            if (n != var && strcmp(ms_spelling(ctx, n->cursor), name) == 0)
                return 1;
            break;
        case CXCursor_DeclRefExpr:
            if (strcmp(ms_spelling(ctx, n->cursor), name) == 0 &&
                !clang_equalCursors(clang_getCursorReferenced(n->cursor), var->cursor))
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* Offset of the '=' of var's initializer, or 0. */
static unsigned init_eq(ms_ctx *ctx, const ms_node *var)
{
    const ms_node *init = ms_child(ctx, var, var->nchildren - 1);
    if (!init || !clang_isExpression(init->kind) || init->kind == CXCursor_InitListExpr)
        return 0;
    unsigned off, at[1];
    clang_getSpellingLocation(clang_getCursorLocation(var->cursor), NULL, NULL, NULL, &off);
    if (off < var->begin || off >= init->begin)
        return 0;
    if (ms_top_level_chars(ctx, off, init->begin, '=', at, 1) != 1)
        return 0;
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = at[0] + 1;
    while (i < init->begin && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n'))
        i++;
    return src[i] == '{' ? 0 : at[0];
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_DeclStmt || n->nchildren != 1 ||
        ms_stmt_position(ctx, n) != MS_POS_BLOCK || !ms_stmt_is_whole(ctx, n))
        return 0;
    const ms_node *var = ms_child(ctx, n, 0);
    if (!var || var->kind != CXCursor_VarDecl || !ms_editable(ctx, var))
        return 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(var->cursor);
    if (sc != CX_SC_None && sc != CX_SC_Auto && sc != CX_SC_Register)
        return 0;
    CXType t = clang_getCursorType(var->cursor);
    if (!ms_is_scalar(t) || clang_isConstQualifiedType(t) ||
        clang_isConstQualifiedType(clang_getCanonicalType(t)) || !init_eq(ctx, var))
        return 0;
    const ms_node *fn = ms_enclosing_function(ctx, n);
    const ms_node *body = fn ? ms_function_body(ctx, fn) : NULL;
    if (!body || ms_child(ctx, body, 0) == n)
        return 0;
    const char *name = ms_spelling(ctx, var->cursor);
    if (!name || !*name || !ms_declarator(ctx, t, name))
        return 0;
    return !type_is_local(ctx, t, fn) && !name_clashes(ctx, fn, var, name);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *decl = sites[k], *var = ms_child(ctx, decl, 0);
    const ms_node *fn = ms_enclosing_function(ctx, decl);
    const char *name = ms_spelling(ctx, var->cursor);
    char *d = ms_declarator(ctx, clang_getCursorType(var->cursor), name);
    unsigned eq = init_eq(ctx, var);
    if (!fn || !d || !eq)
        return MS_ERROR;
    char *init = ms_text_range(ctx, eq + 1, var->end);
    if (ms_insert_decl_in_function(ctx, fn, ms_printf(ctx, " %s;", d)) != MS_MUTATED)
        return MS_ERROR;
    return ms_replace(ctx, decl->begin, ms_stmt_end(ctx, decl),
                      ms_printf(ctx, "%s = (%s);", name, init));
}

MS_MUTATOR(hoist_local_declaration,
           "Move the declaration of an initialized scalar local variable to the start of its "
           "function, leaving an assignment of the initializer in its place.",
           0);
