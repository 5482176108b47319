/*
 * convert_power_of_two_arithmetic - rewrite unsigned arithmetic by a power
 * of two as the equivalent shift or mask, or a shift or mask back.
 *
 *   before:  h = x * 8u + y;      after:  h = ((x) << 3) + y;
 *   before:  i %= 16;             after:  i &= 0xfu;
 *   before:  n = m >> 2;          after:  n = ((m) / 0x4u);
 *
 * Pairs: * <-> <<, / <-> >>, % <-> & (mask 2^k - 1), and the compound
 * assignments. The value is kept because the non-literal operand is an
 * unsigned integer of at least int's size whose type is also the
 * expression's type (no promotion or conversion changes it), no bit-field,
 * and k is below its width. New multipliers and masks are hex literals with
 * a u suffix, so their type never outranks the operand's.
 */
#include "mutsmith.h"

#include <stdlib.h>
#include <string.h>

static const char *const ops[12][2] = {{"*", "<<"},  {"/", ">>"},   {"%", "&"},    {"<<", "*"},
                                       {">>", "/"},  {"&", "%"},    {"*=", "<<="}, {"/=", ">>="},
                                       {"%=", "&="}, {"<<=", "*="}, {">>=", "/="}, {"&=", "%="}};

struct plan {
    const ms_node *lit, *other;
    ms_op op;
    const char *newop;
    char *newlit;
    int compound;
};

/* Below implicit conversions with the same extent. */
static const ms_node *inner(ms_ctx *ctx, const ms_node *n)
{
    while (n && n->kind == CXCursor_UnexposedExpr && n->nchildren == 1) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (!c || c->begin != n->begin || c->end != n->end)
            break;
        n = c;
    }
    return n;
}

static int literal_value(ms_ctx *ctx, const ms_node *n, unsigned long long *v)
{
    if (!n || n->kind != CXCursor_IntegerLiteral || !ms_editable(ctx, n))
        return -1;
    char *s = ms_text(ctx, n);
    size_t len = strlen(s);
    while (len && strchr("uUlL", s[len - 1]))
        s[--len] = 0;
    if (!len || (len > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')))
        return -1;
    char *end;
    *v = strtoull(s, &end, 0);
    return *end ? -1 : 0;
}

static int log2_exact(unsigned long long v)
{
    if (v == 0 || (v & (v - 1)))
        return -1;
    int k = 0;
    while (v >>= 1)
        k++;
    return k;
}

static int is_bitfield(const ms_node *n)
{
    if (n->kind != CXCursor_MemberRefExpr)
        return 0;
    CXCursor f = clang_getCursorReferenced(n->cursor);
    return clang_Cursor_isNull(f) || clang_Cursor_isBitField(f);
}

static int analyze(ms_ctx *ctx, const ms_node *n, struct plan *pl)
{
    if ((n->kind != CXCursor_BinaryOperator && n->kind != CXCursor_CompoundAssignOperator) ||
        n->nchildren != 2 || ms_operator(ctx, n, &pl->op) != 0)
        return -1;
    int i = 0;
    while (i < 12 && strcmp(pl->op.spelling, ops[i][0]) != 0)
        i++;
    if (i == 12)
        return -1;
    pl->compound = n->kind == CXCursor_CompoundAssignOperator;
    if (pl->compound != (i >= 6))
        return -1;
    pl->newop = ops[i][1];
    const ms_node *c0 = ms_child(ctx, n, 0), *c1 = ms_child(ctx, n, 1);
    int comm = !pl->compound && (i == 0 || i == 5);
    unsigned long long v;
    if (literal_value(ctx, inner(ctx, c1), &v) == 0)
        pl->lit = inner(ctx, c1), pl->other = c0;
    else if (comm && literal_value(ctx, inner(ctx, c0), &v) == 0)
        pl->lit = inner(ctx, c0), pl->other = c1;
    else
        return -1;
    const ms_node *x = inner(ctx, pl->other);
    if (!x || !ms_editable(ctx, pl->other) || is_bitfield(x))
        return -1;
    CXType t = clang_getCursorType(x->cursor);
    long long size = clang_Type_getSizeOf(t);
    if (ms_classify(t) != MS_T_INT || !ms_is_unsigned(t) || size < 4 || size > 8)
        return -1;
    unsigned width = (unsigned)size * 8;
    if (!pl->compound && !clang_equalTypes(clang_getCanonicalType(t),
                                           clang_getCanonicalType(clang_getCursorType(n->cursor))))
        return -1;
    int k;
    switch (i % 6) {
    case 0: /* * -> << */
    case 1: /* / -> >> */
        k = log2_exact(v);
        if (k < 0 || (unsigned)k >= width)
            return -1;
        pl->newlit = ms_printf(ctx, "%d", k);
        break;
    case 2: /* % -> & */
        k = log2_exact(v);
        if (k < 0 || (unsigned)k >= width)
            return -1;
        pl->newlit = ms_printf(ctx, "%#llxu", v - 1);
        break;
    case 3: /* << -> * */
    case 4: /* >> -> / */
        if (v >= width)
            return -1;
        pl->newlit = ms_printf(ctx, "%#llxu", 1ULL << v);
        break;
    default: /* & -> % */
        k = v + 1 == 0 ? -1 : log2_exact(v + 1);
        if (k < 0 || (unsigned)k >= width)
            return -1;
        pl->newlit = ms_printf(ctx, "%#llxu", v + 1);
        break;
    }
    return 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    struct plan pl;
    return analyze(ctx, n, &pl) == 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    struct plan pl;
    if (analyze(ctx, sites[k], &pl) != 0)
        return MS_ERROR;
    if (pl.compound) {
        if (ms_replace(ctx, pl.op.begin, pl.op.end, pl.newop) != MS_MUTATED ||
            ms_replace_node(ctx, pl.lit, pl.newlit) != MS_MUTATED)
            return MS_ERROR;
        return MS_MUTATED;
    }
    char *text = ms_printf(ctx, "((%s) %s %s)", ms_text(ctx, pl.other), pl.newop, pl.newlit);
    if (ms_replace_node(ctx, sites[k], text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(
    convert_power_of_two_arithmetic,
    "Rewrite an unsigned x * 2^k, x / 2^k or x % 2^k (also as *=, /=, %=) as the equivalent "
    "x << k, x >> k or x & (2^k - 1), or such a shift or mask back into the arithmetic form.",
    0);
