/*
 * replace_float_literal - replace a floating literal with an interesting
 * value of the same type (zero, negative zero, extremes, denormals, the old
 * value doubled, halved or negated).
 *
 *   before:  double y = x * 0.5;      after:  double y = x * 2.2250738585072014e-308;
 *
 * The suffix (f, l) is kept and the extremes are chosen per type, so no
 * literal overflows to infinity; negative values are parenthesised. Literals
 * inside integer constant expressions ((int)2.5 as an array size or case
 * label) are not sites.
 */
#include "mutsmith.h"

#include <stdlib.h>
#include <string.h>

static int in_ice(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) != c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return clang_Range_isNull(r) || b != c->begin;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 1;
        if (clang_isStatement(p->kind))
            return 0;
    }
    return 1;
}

/* Length of the literal without its suffix (f F l L), 0 if unusable. */
static size_t body_len(const char *t)
{
    size_t n = strlen(t);
    while (n > 0 && strchr("fFlL", t[n - 1]))
        n--;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789.eEpPxX+-abcdefABCDEF", t[i]))
            return 0;
    return n;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_FloatingLiteral && body_len(ms_text(ctx, n)) > 0 && !in_ice(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    static const char *const common[] = {"0.0", "1.0", "0.5", "0.1", "-0.0", "-1.0", "1e-5"};
    static const char *const flt[] = {"3.40282347e+38", "1.17549435e-38", "1.40129846e-45",
                                      "16777217.0", "-3.40282347e+38"};
    static const char *const dbl[] = {"1.7976931348623157e308", "2.2250738585072014e-308",
                                      "4.9406564584124654e-324", "9007199254740993.0",
                                      "-1.7976931348623157e308"};
    static const char *const ldbl[] = {
        "1.18973149535723176502e+4932", "3.36210314311209350626e-4932",
        "3.64519953188247460253e-4951", "18446744073709551617.0", "-1.18973149535723176502e+4932"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *text = ms_text(ctx, sites[k]);
    size_t len = body_len(text);
    const char *sfx = text + len;
    const char *const *ext = *sfx == 'f' || *sfx == 'F' ? flt : *sfx ? ldbl : dbl;
    const char *old = ms_text_range(ctx, sites[k]->begin, sites[k]->begin + (unsigned)len);
    double v = strtod(old, NULL);
    const char *repl = NULL;
    for (int tries = 0; tries < 20 && !repl; tries++) {
        const char *cand;
        unsigned r = ms_rand(ctx, 3);
        if (r == 0) {
            cand = common[ms_rand(ctx, sizeof common / sizeof common[0])];
        } else if (r == 1) {
            cand = ext[ms_rand(ctx, 5)];
        } else {
            static const double factor[] = {2.0, 0.5, -1.0, 1.0000001, 3.0};
            double nv = v * factor[ms_rand(ctx, 5)];
            double lim = ext == flt ? 3.4e38 : 1.7e308;
            if (nv != nv || nv > lim || nv < -lim)
                continue; /* NaN, or too large for the type */
            cand = ms_printf(ctx, "%.17g", nv);
            if (!strpbrk(cand, ".eE"))
                cand = ms_printf(ctx, "%s.0", cand);
        }
        if (strcmp(cand, old) != 0)
            repl = cand;
    }
    if (!repl)
        return MS_SKIP;
    return ms_replace_node(ctx, sites[k],
                           ms_printf(ctx, repl[0] == '-' ? "(%s%s)" : "%s%s", repl, sfx));
}

MS_MUTATOR(replace_float_literal,
           "Replace a floating literal with an extreme or related value of the same type.", 0);
