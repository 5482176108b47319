/*
 * convert_increment_to_compound_assignment - rewrite an increment or
 * decrement whose value is unused as a compound assignment.
 *
 *   before:  for (i = 0; i < n; i++) p--;
 *   after:   for (i = 0; i < n; i += 1) p -= 1;
 *
 * Sites: x++, ++x, x--, --x that form a whole expression statement (not the
 * last one of a statement expression, whose value is used) or the increment
 * of a for loop. The operand must be an integer (not _Bool, where x += 1
 * differs from x++), enumeration, floating or object pointer lvalue: x += 1
 * and x -= 1 accept all of those, and the operand of a prefix or postfix
 * operator is a valid left side of an assignment.
 */
#include "mutsmith.h"

#include <string.h>

static int value_unused(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    if (!p)
        return 0;
    switch (p->kind) {
    case CXCursor_CompoundStmt:
        return !ms_in_stmt_expr(ctx, p) || ms_child(ctx, p, p->nchildren - 1) != n;
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_SwitchStmt: {
        unsigned l, r;
        return !ms_paren_range(ctx, p, &l, &r) && n->begin > r;
    }
    case CXCursor_DoStmt:
        return ms_child(ctx, p, 0) == n;
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        return ms_child(ctx, p, p->nchildren - 1) == n;
    case CXCursor_ForStmt: {
        unsigned l, r;
        if (ms_paren_range(ctx, p, &l, &r))
            return 0;
        if (n->begin > r)
            return 1; /* the body */
        const char *s = ms_source(ctx, NULL);
        unsigned semi[2];
        if (ms_top_level_chars(ctx, l + 1, r, ';', semi, 2) != 2 || n->begin < semi[1])
            return 0;
        for (unsigned i = n->end; i < r; i++)
            if (!strchr(" \t\r\n", s[i]))
                return 0;
        return 1; /* the increment */
    }
    default:
        return 0;
    }
}

/* The operator of a unary/binary operator node, or NULL (in a macro). */
static const char *op_text(ms_ctx *ctx, const ms_node *n)
{
    ms_op op;
    return n && ms_operator(ctx, n, &op) == 0 ? op.spelling : NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const char *op;
    if (n->kind != CXCursor_UnaryOperator || n->nchildren != 1 || !(op = op_text(ctx, n)) ||
        (strcmp(op, "++") && strcmp(op, "--")))
        return 0;
    CXType t = clang_getCursorType(ms_child(ctx, n, 0)->cursor);
    ms_tclass k = ms_classify(t);
    if (clang_getCanonicalType(t).kind == CXType_Bool)
        return 0;
    return (k == MS_T_INT || k == MS_T_ENUM || k == MS_T_FLOAT || k == MS_T_POINTER) &&
           value_unused(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    ms_op op;
    if (ms_operator(ctx, sites[k], &op))
        return MS_ERROR;
    return ms_replace_node(ctx, sites[k],
                           ms_printf(ctx, "%s %c= 1", ms_text(ctx, ms_child(ctx, sites[k], 0)),
                                     op.spelling[0]));
}

MS_MUTATOR(convert_increment_to_compound_assignment,
           "Rewrite an increment or decrement whose value is unused (x++, --x) as x += 1 or "
           "x -= 1.",
           0);
