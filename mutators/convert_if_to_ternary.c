/*
 * convert_if_to_ternary - turn an if/else that assigns the same lvalue, or
 * returns, in both branches into one conditional expression.
 *
 *   before:  if (a > b) m = a; else m = b;
 *   after:   m = (a > b) ? (a) : (b);
 *   before:  if (n < 0) { return -n; } else { return n; }
 *   after:   return (n < 0) ? (-n) : (n);
 *
 * Each branch is one expression statement `lhs = value;` (plain '=', same
 * lhs text in both) or one `return value;`, alone or as the only statement
 * of a block. Both values must be arithmetic, or of the same pointer,
 * struct or union type (canonical types compared), so that c ? a : b is
 * valid and converts as each assignment or return did; returns must be in
 * a function that does not return void. The lhs is evaluated once in both
 * forms. Other pairs of expression statements become one expression
 * statement whose branches are cast to void, which is valid for any types:
 *
 *   before:  if (e) errs++; else sum += v;
 *   after:   (e) ? (void)(errs++) : (void)(sum += v);
 *
 * The whole if must end with its own ';' or '}'.
 */
#include "mutsmith.h"

#include <string.h>

static const ms_node *unbrace(ms_ctx *ctx, const ms_node *s)
{
    if (s && s->kind == CXCursor_CompoundStmt)
        return s->nchildren == 1 ? ms_child(ctx, s, 0) : NULL;
    return s;
}

/* The value of branch s (lhs of its assignment in *lhs), or NULL. */
static const ms_node *branch_value(ms_ctx *ctx, const ms_node *s, const ms_node **lhs)
{
    *lhs = NULL;
    if (!s || !ms_editable(ctx, s))
        return NULL;
    if (s->kind == CXCursor_ReturnStmt)
        return s->nchildren == 1 ? ms_child(ctx, s, 0) : NULL;
    ms_op op;
    if (s->kind != CXCursor_BinaryOperator || s->nchildren != 2 ||
        ms_operator(ctx, s, &op) != 0 || strcmp(op.spelling, "=") != 0)
        return NULL;
    *lhs = ms_child(ctx, s, 0);
    return ms_child(ctx, s, 1);
}

static int arithmetic(CXType t)
{
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM;
}

static int compatible(CXType a, CXType b)
{
    if (arithmetic(a) && arithmetic(b))
        return 1;
    ms_tclass k = ms_classify(a);
    if (k != MS_T_POINTER && k != MS_T_FUNCPTR && k != MS_T_RECORD)
        return 0;
    return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b));
}

typedef struct site {
    const ms_node *cond, *lhs, *a, *b;
    int ret; /* 1: return, 0: assignment to lhs, -1: two void expressions */
} site;

/* The same-lhs assignment or return form, else 0. */
static int match_value(ms_ctx *ctx, const ms_node *n, const ms_node *t, const ms_node *e,
                       site *st)
{
    const ms_node *lt, *le;
    const ms_node *a = branch_value(ctx, t, &lt), *b = branch_value(ctx, e, &le);
    if (!a || !b || !ms_editable(ctx, a) || !ms_editable(ctx, b) || !lt != !le ||
        !compatible(clang_getCursorType(a->cursor), clang_getCursorType(b->cursor)))
        return 0;
    if (lt) {
        if (!ms_editable(ctx, lt) || !ms_editable(ctx, le) ||
            strcmp(ms_text(ctx, lt), ms_text(ctx, le)) != 0)
            return 0;
    } else {
        const ms_node *fn = ms_enclosing_function(ctx, n);
        if (!fn)
            return 0;
        ms_tclass k = ms_classify(clang_getResultType(clang_getCursorType(fn->cursor)));
        if (k == MS_T_VOID || k == MS_T_OTHER)
            return 0;
    }
    st->lhs = lt;
    st->a = a;
    st->b = b;
    st->ret = lt == NULL;
    return 1;
}

static int match(ms_ctx *ctx, const ms_node *n, site *st)
{
    if (n->kind != CXCursor_IfStmt || n->nchildren != 3 || !ms_stmt_is_whole(ctx, n))
        return 0;
    const ms_node *c = ms_child(ctx, n, 0), *t = unbrace(ctx, ms_child(ctx, n, 1)),
                  *e = unbrace(ctx, ms_child(ctx, n, 2));
    if (!c || !ms_editable(ctx, c) || clang_isDeclaration(c->kind) || !t || !e)
        return 0;
    st->cond = c;
    if (match_value(ctx, n, t, e, st))
        return 1;
    /* any two expression statements: (c) ? (void)(t) : (void)(e); */
    if (!clang_isExpression(t->kind) || !clang_isExpression(e->kind) || !ms_editable(ctx, t) ||
        !ms_editable(ctx, e))
        return 0;
    st->lhs = NULL;
    st->a = t;
    st->b = e;
    st->ret = -1;
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    site st;
    return match(ctx, n, &st);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    site st;
    if (!match(ctx, sites[k], &st))
        return MS_ERROR;
    const char *cast = st.ret < 0 ? "(void)" : "";
    const char *cond = ms_printf(ctx, "(%s) ? %s(%s) : %s(%s)", ms_text(ctx, st.cond), cast,
                                 ms_text(ctx, st.a), cast, ms_text(ctx, st.b));
    const char *text = st.ret > 0   ? ms_printf(ctx, "return %s;", cond)
                       : st.ret < 0 ? ms_printf(ctx, "%s;", cond)
                                    : ms_printf(ctx, "%s = %s;", ms_text(ctx, st.lhs), cond);
    return ms_replace(ctx, sites[k]->begin, ms_stmt_end(ctx, sites[k]), text);
}

MS_MUTATOR(convert_if_to_ternary,
           "Rewrite if (c) x = a; else x = b; as x = (c) ? (a) : (b);, and if (c) return a; "
           "else return b; as return (c) ? (a) : (b);, other expression pairs with void casts.",
           0);
