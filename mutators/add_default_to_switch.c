/*
 * add_default_to_switch - give a switch without default an empty default.
 *
 *   before:  switch (op) { case 0: r = a; break; case 1: r = b; }
 *   after:   switch (op) { case 0: r = a; break; case 1: r = b; default: break; }
 *      or:   switch (op) { case 0: r = a; break; case 1: r = b; default:; }
 *
 * Values without a case label already skipped the whole body; now they
 * jump to the end of it, which does the same. The label is placed before
 * the closing '}' of the body, after everything else, so no case falls
 * into it. Sites are switches whose body is a block outside macros with no
 * default label of their own and no variably modified declaration (a jump
 * past one into its scope is an error).
 */
#include "mutsmith.h"

/* Is t a variably modified type (a VLA, or built from one)? */
static int variably_modified(CXType t)
{
    for (int guard = 0; guard < 64; guard++) {
        t = clang_getCanonicalType(t);
        switch (t.kind) {
        case CXType_VariableArray:
        case CXType_DependentSizedArray:
            return 1;
        case CXType_ConstantArray:
        case CXType_IncompleteArray:
            t = clang_getArrayElementType(t);
            break;
        case CXType_Pointer:
            t = clang_getPointeeType(t);
            break;
        default:
            return 0;
        }
    }
    return 1;
}

static const ms_node *body_of(ms_ctx *ctx, const ms_node *n)
{
    if (n->kind != CXCursor_SwitchStmt || n->nchildren < 2)
        return NULL;
    const ms_node *body = ms_child(ctx, n, n->nchildren - 1);
    const char *s = ms_source(ctx, NULL);
    if (!body || body->kind != CXCursor_CompoundStmt || !ms_editable(ctx, body) ||
        s[body->end - 1] != '}')
        return NULL;
    for (int i = ms_node_index(ctx, body) + 1, end = ms_subtree_end(ctx, body); i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->kind == CXCursor_DefaultStmt && ms_jump_target(ctx, d) == n)
            return NULL;
        if ((d->kind == CXCursor_VarDecl || d->kind == CXCursor_TypedefDecl) &&
            variably_modified(d->kind == CXCursor_TypedefDecl
                                  ? clang_getTypedefDeclUnderlyingType(d->cursor)
                                  : clang_getCursorType(d->cursor)))
            return NULL;
    }
    return body;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return body_of(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *body = body_of(ctx, sites[k]);
    if (!body)
        return MS_ERROR;
    const char *label = ms_chance(ctx, 1, 2) ? "default: break;" : "default:;";
    const char *src = ms_source(ctx, NULL);
    unsigned close = body->end - 1, line = close;
    while (line > body->begin && (src[line - 1] == ' ' || src[line - 1] == '\t'))
        line--;
    if (line > body->begin && src[line - 1] == '\n') /* '}' alone on its line */
        return ms_insert(ctx, line,
                         ms_printf(ctx, "%s%s\n", ms_text_range(ctx, line, close), label));
    return ms_insert(ctx, close, ms_printf(ctx, " %s ", label));
}

MS_MUTATOR(add_default_to_switch,
           "Add an empty default label, default: break; or default:;, at the end of the body of "
           "a switch that has none.",
           0);
