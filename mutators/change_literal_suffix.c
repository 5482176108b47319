/*
 * change_literal_suffix - give an integer or floating literal another type
 * suffix, keeping its digits.
 *
 *   before:  if (n * 3 > limit) x = 0.5;
 *   after:   if (n * 3UL > limit) x = 0.5;      (or x = 0.5f, 0.5L)
 *
 * Integer suffixes: none, U, L, UL, LL, ULL; floating: none, f, L. The
 * integer value never changes (a literal takes the first type its value
 * fits), only its type and so the usual arithmetic conversions around it.
 * Where a narrower type could overflow (operands of <<, *, +, - and their
 * compound assignments) a suffix is only widened; under unary minus the U
 * is kept as it is. Not sites: literals in _Generic, sizeof/_Alignof,
 * _Static_assert, case labels (values could collide), imaginary literals,
 * and literals with other suffixes or digit forms.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const int_sfx[] = {"", "U", "L", "UL", "LL", "ULL"};
static const char *const flt_sfx[] = {"", "f", "L"};

struct lit {
    unsigned digits_end;
    int is_float;
    int u, nl; /* integer: U count, L count */
    int fl;    /* float: 0 none, 1 f, 2 L */
    int restricted, negated;
};

static int is_digitish(char c, int hex)
{
    return (c >= '0' && c <= '9') || c == '.' ||
           (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

static int parse(ms_ctx *ctx, const ms_node *n, struct lit *L)
{
    const char *s = ms_source(ctx, NULL);
    unsigned b = n->begin, e = n->end;
    memset(L, 0, sizeof *L);
    if (e <= b)
        return -1;
    L->is_float = n->kind == CXCursor_FloatingLiteral;
    int hex = e - b > 2 && s[b] == '0' && (s[b + 1] == 'x' || s[b + 1] == 'X');
    if (L->is_float) {
        char c = s[e - 1];
        if (c == 'f' || c == 'F')
            L->fl = 1, e--;
        else if (c == 'l' || c == 'L')
            L->fl = 2, e--;
        for (unsigned i = hex ? b + 2 : b; i < e; i++) {
            char d = s[i];
            if (!is_digitish(d, hex) && d != '+' && d != '-' &&
                !(hex ? (d == 'p' || d == 'P') : (d == 'e' || d == 'E')))
                return -1;
        }
    } else {
        while (e > b && strchr("uUlL", s[e - 1])) {
            if (s[e - 1] == 'u' || s[e - 1] == 'U')
                L->u++;
            else
                L->nl++;
            e--;
        }
        if (L->u > 1 || L->nl > 2 || e == b)
            return -1;
        for (unsigned i = hex ? b + 2 : b; i < e; i++)
            if (!is_digitish(s[i], hex) || s[i] == '.')
                return -1;
    }
    if (e <= b || !is_digitish(s[e - 1], hex))
        return -1;
    L->digits_end = e;
    return 0;
}

static int context_ok(ms_ctx *ctx, const ms_node *n, struct lit *L)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        switch (p->kind) {
        case CXCursor_GenericSelectionExpr:
        case CXCursor_UnaryExpr:
        case CXCursor_StaticAssert:
        case CXCursor_ImaginaryLiteral:
            return 0;
        case CXCursor_CaseStmt:
            if (ms_child(ctx, p, p->nchildren - 1) != c)
                return 0;
            break;
        default:
            break;
        }
    }
    /* the operator directly applied to the literal */
    const ms_node *c = n, *p = ms_parent(ctx, n);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && p->begin == c->begin && p->end == c->end)))
        c = p, p = ms_parent(ctx, p);
    ms_op op;
    if (p && ms_operator(ctx, p, &op) == 0) {
        static const char *const grow[] = {"<<", "*", "+", "-", "<<=", "*=", "+=", "-="};
        if (p->kind == CXCursor_UnaryOperator) {
            L->negated = strcmp(op.spelling, "-") == 0;
        } else {
            for (size_t i = 0; i < sizeof grow / sizeof grow[0]; i++)
                if (strcmp(op.spelling, grow[i]) == 0)
                    L->restricted = 1;
        }
    }
    return 1;
}

/* Candidate suffixes other than the current one -> out; count. */
static int choices(const struct lit *L, const char **out)
{
    int n = 0;
    if (L->is_float) {
        for (int i = 0; i < 3; i++)
            if (i != L->fl)
                out[n++] = flt_sfx[i];
        return n;
    }
    for (int i = 0; i < 6; i++) {
        int u = i & 1, nl = i / 2;
        if (u == L->u && nl == L->nl)
            continue;
        if (L->restricted && (u < L->u || nl < L->nl))
            continue;
        if (L->negated && u != L->u)
            continue;
        out[n++] = int_sfx[i];
    }
    return n;
}

static int analyze(ms_ctx *ctx, const ms_node *n, struct lit *L, const char **out)
{
    if (n->kind != CXCursor_IntegerLiteral && n->kind != CXCursor_FloatingLiteral)
        return 0;
    if (parse(ctx, n, L) != 0 || !context_ok(ctx, n, L))
        return 0;
    return choices(L, out);
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    struct lit L;
    const char *out[6];
    return analyze(ctx, n, &L, out) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    struct lit L;
    const char *out[6];
    int nc = analyze(ctx, sites[k], &L, out);
    if (nc <= 0)
        return MS_ERROR;
    const char *sfx = out[ms_rand(ctx, (unsigned)nc)];
    char *text = ms_printf(ctx, "%s%s", ms_text_range(ctx, sites[k]->begin, L.digits_end), sfx);
    if (ms_replace_node(ctx, sites[k], text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(change_literal_suffix,
           "Change the type suffix of an integer literal (none, U, L, UL, LL, ULL) or a floating "
           "literal (none, f, L) while keeping its digits.",
           0);
