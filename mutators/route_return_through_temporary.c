/*
 * route_return_through_temporary - return a value through a fresh local.
 *
 *   before:  return a + b;
 *   after:   { int ret_1 = (a + b); return ret_1; }
 *
 * The local has the enclosing function's return type, so initialising it
 * converts e exactly as the return would (a null pointer constant still
 * initialises a pointer). Sites are return statements with a value in a
 * function whose return type is not void and can be spelled (no anonymous
 * struct, VLA or similar); the ';' must not come from a macro. The braces
 * keep the rewrite a single statement in if/loop bodies and labels.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_ReturnStmt || n->nchildren != 1 || !ms_stmt_is_whole(ctx, n))
        return 0;
    const ms_node *e = ms_child(ctx, n, 0), *fn = ms_enclosing_function(ctx, n);
    if (!e || !fn || !ms_editable(ctx, e) || e->begin >= e->end)
        return 0;
    CXType rt = clang_getResultType(clang_getCursorType(fn->cursor));
    ms_tclass k = ms_classify(rt);
    return k != MS_T_VOID && k != MS_T_OTHER && k != MS_T_ARRAY && k != MS_T_FUNCTION &&
           ms_declarator(ctx, rt, "x") != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *ret = sites[k], *e = ms_child(ctx, ret, 0);
    const ms_node *fn = ms_enclosing_function(ctx, ret);
    if (!e || !fn)
        return MS_ERROR;
    const char *name = ms_fresh_name(ctx, "ret");
    char *decl = ms_declarator(ctx, clang_getResultType(clang_getCursorType(fn->cursor)), name);
    if (!decl)
        return MS_ERROR;
    const char *text = ms_printf(ctx, "{ %s = (%s); return %s; }", decl, ms_text(ctx, e), name);
    return ms_replace(ctx, ret->begin, ms_stmt_end(ctx, ret), text);
}

MS_MUTATOR(route_return_through_temporary,
           "Rewrite return e; as a block that stores e in a fresh local of the function's return "
           "type and returns that local.",
           0);
