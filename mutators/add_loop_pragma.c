/*
 * add_loop_pragma - put a loop-transformation pragma on its own line right
 * before a for, while or do loop.
 *
 *   before:      for (i = 0; i < n; i++)
 *                    s += a[i];
 *   after:       #pragma clang loop unroll_count(4)
 *                for (i = 0; i < n; i++)
 *                    s += a[i];
 *
 * Pragmas: clang loop unroll(enable|disable), unroll_count(4),
 * vectorize(enable), interleave(enable), unroll, nounroll, GCC unroll 4.
 * Each one only hints at an optimisation and applies to the loop statement
 * that directly follows it. Sites are loops sitting directly in a compound
 * statement (so no label or if comes between pragma and loop), outside
 * macros, whose previous line is no directive or _Pragma and does not end
 * in a line splice.
 */
#include "mutsmith.h"

#include <string.h>

/* Start of the line holding offset i. */
static unsigned line_start(const char *s, unsigned i)
{
    while (i > 0 && s[i - 1] != '\n')
        i--;
    return i;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_ForStmt && n->kind != CXCursor_WhileStmt &&
        n->kind != CXCursor_DoStmt)
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p || p->kind != CXCursor_CompoundStmt || p->in_macro)
        return 0;
    const char *s = ms_source(ctx, NULL);
    unsigned ls = line_start(s, n->begin);
    /* the text before the loop on its line and the previous non-blank line */
    unsigned from = ls;
    while (from > 0) {
        unsigned end = from - 1, i = line_start(s, end);
        from = i;
        while (i < end && is_blank(s[i]))
            i++;
        if (i < end)
            break; /* a non-blank line */
    }
    if ((ls >= 2 && s[ls - 2] == '\\') || (ls >= 3 && s[ls - 2] == '\r' && s[ls - 3] == '\\'))
        return 0; /* the loop's line continues a spliced line */
    for (unsigned i = from; i < n->begin; i++)
        if (s[i] == '#' || (s[i] == '_' && !strncmp(s + i, "_Pragma", 7)) ||
            (s[i] == '\\' && (s[i + 1] == '\n' || s[i + 1] == '\r')))
            return 0;
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    static const char *const pragmas[] = {
        "clang loop unroll(enable)",  "clang loop unroll(disable)",  "clang loop unroll_count(4)",
        "clang loop vectorize(enable)", "clang loop interleave(enable)", "unroll",
        "nounroll",                   "GCC unroll 4"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k];
    const char *s = ms_source(ctx, NULL);
    const char *pragma = pragmas[ms_rand(ctx, sizeof pragmas / sizeof pragmas[0])];
    unsigned ls = line_start(s, loop->begin), i = ls;
    while (i < loop->begin && is_blank(s[i]))
        i++;
    if (i == loop->begin) /* the loop starts its line: same indentation */
        return ms_insert(ctx, ls,
                         ms_printf(ctx, "%s#pragma %s\n", ms_text_range(ctx, ls, i), pragma));
    return ms_insert(ctx, loop->begin, ms_printf(ctx, "\n#pragma %s\n", pragma));
}

MS_MUTATOR(add_loop_pragma,
           "Insert a loop pragma (clang loop unroll, vectorize or interleave, unroll, nounroll or "
           "GCC unroll) on its own line before a for, while or do loop.",
           0);
