/*
 * add_range_designator_to_array_initializer - append a GNU range
 * designator element to the brace initialiser of an array, covering
 * elements the list leaves zero.
 *
 *   before:  int t[8] = { 1, 2 };
 *   after:   int t[8] = { 1, 2, [3 ... 6] = 2 };
 *
 * Sites: brace lists (global, static or local, also nested ones and
 * compound literals) whose type is a fixed-size array of N elements and
 * whose P elements are all positional, each initialising exactly one array
 * element (a scalar expression for scalar elements; a brace list, a string
 * literal or an expression of the element type for aggregate elements, so
 * no brace elision is involved), with P < N. The new element [i ... j] = v
 * has P <= i <= j < N, so the array keeps its size and no element is
 * initialised twice. v is 0 or a copy of a literal element of the list for
 * scalar element types, and {0} for aggregates: all constant expressions,
 * valid even in static initialisers.
 */
#include "mutsmith.h"

#include <string.h>

static const ms_node *core(ms_ctx *ctx, const ms_node *n)
{
    while (n && (n->kind == CXCursor_ParenExpr || n->kind == CXCursor_UnexposedExpr) &&
           n->nchildren == 1) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (!c || (n->kind == CXCursor_UnexposedExpr && (c->begin != n->begin || c->end != n->end)))
            break;
        n = c;
    }
    return n;
}

static int scalar_class(ms_tclass k)
{
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM || k == MS_T_POINTER ||
           k == MS_T_FUNCPTR;
}

/* Is the list a site? Its element type goes to *elem, its size to *size. */
static int site(ms_ctx *ctx, const ms_node *n, CXType *elem, long long *size)
{
    if (n->kind != CXCursor_InitListExpr)
        return 0;
    const char *src = ms_source(ctx, NULL);
    if (src[n->begin] != '{' || src[n->end - 1] != '}')
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    if (t.kind != CXType_ConstantArray)
        return 0;
    long long len = clang_getArraySize(t);
    CXType e = clang_getCanonicalType(clang_getArrayElementType(t));
    ms_tclass ek = ms_classify(e);
    int scalar = scalar_class(ek);
    if (len <= n->nchildren || len > 0x7fffffffLL ||
        (!scalar && ek != MS_T_RECORD && ek != MS_T_ARRAY))
        return 0;
    const ms_node *c = ms_child(ctx, n, 0);
    for (int i = 0; i < n->nchildren; i++, c = ms_node_at(ctx, c->next_sibling)) {
        if (!c || c->begin < n->begin || c->end > n->end)
            return 0;
        char first = src[c->begin];
        if (first == '[' || first == '.')
            return 0;
        if (c->kind == CXCursor_InitListExpr)
            continue;
        const ms_node *k = core(ctx, c);
        CXType ct = clang_getCanonicalType(clang_getCursorType(c->cursor));
        ms_tclass ck = ms_classify(ct);
        if (scalar) {
            if (ck == MS_T_ARRAY || ck == MS_T_RECORD || ck == MS_T_OTHER)
                return 0;
        } else if (!(ek == MS_T_ARRAY && k->kind == CXCursor_StringLiteral) &&
                   !clang_equalTypes(clang_getUnqualifiedType(ct), clang_getUnqualifiedType(e))) {
            return 0;
        }
    }
    if (n->nchildren > 0) {
        const ms_node *last = ms_child(ctx, n, n->nchildren - 1);
        if (!last || !ms_editable(ctx, last) || last->end >= n->end)
            return 0;
    }
    *elem = e;
    *size = len;
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    CXType e;
    long long len;
    return site(ctx, n, &e, &len);
}

static int is_literal(const ms_node *n)
{
    return n->kind == CXCursor_IntegerLiteral || n->kind == CXCursor_FloatingLiteral ||
           n->kind == CXCursor_CharacterLiteral;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *list = sites[k];
    CXType e;
    long long len;
    if (!site(ctx, list, &e, &len))
        return MS_ERROR;
    long long p = list->nchildren;
    long long i = p + (long long)ms_rand(ctx, (unsigned)(len - p));
    long long j = i + (long long)ms_rand(ctx, (unsigned)(len - i));
    const char *v = "0";
    ms_tclass ek = ms_classify(e);
    if (!scalar_class(ek)) {
        v = "{0}";
    } else if (ek != MS_T_POINTER && ek != MS_T_FUNCPTR && p > 0 && ms_chance(ctx, 2, 3)) {
        const ms_node *c = ms_child(ctx, list, (int)ms_rand(ctx, (unsigned)p));
        const ms_node *lit = core(ctx, c);
        if (c && lit && is_literal(lit) && ms_editable(ctx, c))
            v = ms_text(ctx, c);
    }
    const char *elem = ms_printf(ctx, "[%lld ... %lld] = %s", i, j, v);
    if (p == 0)
        return ms_insert(ctx, list->begin + 1, elem);
    const ms_node *last = ms_child(ctx, list, (int)p - 1);
    return ms_insert(ctx, last->end, ms_printf(ctx, ", %s", elem));
}

MS_MUTATOR(add_range_designator_to_array_initializer,
           "Append a GNU range designator element [i ... j] = v to a positional array brace "
           "initialiser, covering only elements past the listed ones and inside the array.",
           0);
