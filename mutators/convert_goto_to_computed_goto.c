/*
 * convert_goto_to_computed_goto - turn a direct goto into a GNU computed
 * goto through the address of the same label.
 *
 *   before:  goto out;
 *   after:   goto *&&out;
 *
 * Every indirect goto may reach every address-taken label of the function,
 * so clang rejects functions where such a jump could enter the scope of a
 * VLA, a cleanup variable or a statement expression: those functions are
 * skipped.
 */
#include "mutsmith.h"
#include <string.h>

static const ms_node *label_ref(ms_ctx *ctx, const ms_node *g)
{
    for (int i = 0; i < g->nchildren; i++) {
        const ms_node *c = ms_child(ctx, g, i);
        if (c && c->kind == CXCursor_LabelRef)
            return ms_editable(ctx, c) ? c : NULL;
    }
    return NULL;
}

static int function_ok(ms_ctx *ctx, const ms_node *fn)
{
    int end = ms_subtree_end(ctx, fn);
    for (int i = ms_node_index(ctx, fn); i < end; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind == CXCursor_StmtExpr)
            return 0;
        if (n->kind == CXCursor_VarDecl || n->kind == CXCursor_TypedefDecl) {
            CXType t = n->kind == CXCursor_VarDecl ? clang_getCursorType(n->cursor)
                                                   : clang_getTypedefDeclUnderlyingType(n->cursor);
            if (clang_getCanonicalType(t).kind == CXType_VariableArray)
                return 0;
        }
    }
    return strstr(ms_text(ctx, fn), "cleanup") == NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_GotoStmt || !label_ref(ctx, n))
        return 0;
    const ms_node *fn = ms_enclosing_function(ctx, n);
    return fn && function_ok(ctx, fn);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *ref = label_ref(ctx, sites[k]);
    if (!ref)
        return MS_ERROR;
    return ms_replace_node(ctx, ref, ms_printf(ctx, "*&&%s", ms_text(ctx, ref)));
}

MS_MUTATOR(
    convert_goto_to_computed_goto,
    "Rewrite a direct goto L; as the GNU computed goto goto *&&L; through the label's address.", 0);
