/*
 * expand_compound_assignment - spell a compound assignment as a plain
 * assignment of the binary operation.
 *
 *   before:  s.n[i] += k * 2;      after:  s.n[i] = s.n[i] + (k * 2);
 *
 * Sites: a op= b with op one of + - * / % << >> & | ^, whose left side is
 * free of side effects (names, literals, member access, subscripts and
 * parentheses only), so repeating it changes nothing. a = a op (b) converts
 * the result back to a's type exactly as a op= b does (char, bit-field,
 * enum and _Bool left sides, pointer += integer), and the assignment takes
 * the place of the compound assignment at the same precedence level.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const ops[] = {"+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="};

/* Only names, literals, ., ->, [] and parentheses below n (and n itself). */
static int pure_lvalue(ms_ctx *ctx, const ms_node *n)
{
    int end = ms_subtree_end(ctx, n);
    for (int i = ms_node_index(ctx, n); i < end; i++) {
        switch (ms_node_at(ctx, i)->kind) {
        case CXCursor_DeclRefExpr:
        case CXCursor_MemberRefExpr:
        case CXCursor_ArraySubscriptExpr:
        case CXCursor_ParenExpr:
        case CXCursor_UnexposedExpr:
        case CXCursor_IntegerLiteral:
        case CXCursor_CharacterLiteral:
            break;
        default:
            return 0;
        }
    }
    return n->kind == CXCursor_DeclRefExpr || n->kind == CXCursor_MemberRefExpr ||
           n->kind == CXCursor_ArraySubscriptExpr || n->kind == CXCursor_ParenExpr;
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
    if (n->kind != CXCursor_CompoundAssignOperator || n->nchildren != 2 ||
        !(op = op_text(ctx, n)))
        return 0;
    int known = 0;
    for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++)
        known |= !strcmp(op, ops[i]);
    const ms_node *a = ms_child(ctx, n, 0), *b = ms_child(ctx, n, 1);
    return known && a->begin == n->begin && a->end < b->begin && b->end == n->end &&
           pure_lvalue(ctx, a);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k], *a = ms_child(ctx, s, 0), *b = ms_child(ctx, s, 1);
    ms_op op;
    if (ms_operator(ctx, s, &op))
        return MS_ERROR;
    char *bin = ms_strdup(ctx, op.spelling);
    bin[strlen(bin) - 1] = '\0';
    const char *lhs = ms_text(ctx, a);
    return ms_replace(ctx, op.begin, s->end,
                      ms_printf(ctx, "= %s %s (%s)", lhs, bin, ms_text(ctx, b)));
}

MS_MUTATOR(expand_compound_assignment,
           "Rewrite a op= b as a = a op (b) when the left side a has no side effects.", 0);
