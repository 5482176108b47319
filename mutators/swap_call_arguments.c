/*
 * swap_call_arguments - exchange two arguments of a function call that have
 * the same type.
 *
 *   before:  r = mix(a, b, c);      after:  r = mix(c, b, a);
 *
 * Two arguments are exchangeable when their types after the implicit
 * conversion to the parameter types are identical (canonically), so each one
 * converts to the other's parameter exactly as before. Arguments with equal
 * text are not paired, so every mutant differs from the input. Calls of
 * compiler builtins are left alone (some require constant arguments).
 */
#include "mutsmith.h"

#include <string.h>

/* Fill pairs (as a*64+b, arguments counted from 0) of exchangeable
 * arguments of call n; returns their number. */
static int pairs_of(ms_ctx *ctx, const ms_node *n, int *pairs, int max)
{
    int nargs = clang_Cursor_getNumArguments(n->cursor), np = 0;
    if (n->kind != CXCursor_CallExpr || nargs < 2 || nargs > 64 || n->nchildren != nargs + 1)
        return 0;
    const char *name = ms_spelling(ctx, n->cursor);
    if (!strncmp(name, "__builtin", 9) || !strncmp(name, "__atomic", 8) ||
        !strncmp(name, "__sync", 6))
        return 0; /* may require particular constants: __builtin_prefetch(p, 0, 3) */
    const ms_node *args[64];
    for (int i = 0; i < nargs; i++) {
        args[i] = ms_child(ctx, n, i + 1);
        if (!ms_editable(ctx, args[i]))
            return 0;
    }
    for (int a = 0; a < nargs; a++)
        for (int b = a + 1; b < nargs && np < max; b++) {
            CXType ta = clang_getCanonicalType(clang_getCursorType(args[a]->cursor));
            CXType tb = clang_getCanonicalType(clang_getCursorType(args[b]->cursor));
            if (ta.kind == CXType_Invalid || !clang_equalTypes(ta, tb))
                continue;
            if (strcmp(ms_text(ctx, args[a]), ms_text(ctx, args[b])) != 0)
                pairs[np++] = a * 64 + b;
        }
    return np;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    int p;
    return n->kind == CXCursor_CallExpr && pairs_of(ctx, n, &p, 1) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    int pairs[256];
    int np = pairs_of(ctx, sites[k], pairs, 256);
    if (np == 0)
        return MS_ERROR;
    int pick = pairs[ms_rand(ctx, (unsigned)np)];
    const ms_node *a = ms_child(ctx, sites[k], 1 + pick / 64);
    const ms_node *b = ms_child(ctx, sites[k], 1 + pick % 64);
    if (ms_replace_node(ctx, a, ms_text(ctx, b)) != MS_MUTATED ||
        ms_replace_node(ctx, b, ms_text(ctx, a)) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_call_arguments, "Exchange two arguments of a call that have the same type.", 0);
