/*
 * negate_if_condition - negate the condition of an if statement.
 *
 *   before:  if (a < b) x = 1;      after:  if (!(a < b)) x = 1;
 *
 * The parentheses of the header are found in the source text (not through
 * the condition's extent), so conditions built from macros are handled too;
 * `!(...)` is valid for every scalar condition.
 */
#include "mutsmith.h"

#include <string.h>

/* Offsets of the '(' after the statement's keyword and of its matching ')';
 * 0 on success, -1 when there is none or a comment or directive is inside. */
static int header(ms_ctx *ctx, const ms_node *n, unsigned *lp, unsigned *rp)
{
    const char *s = ms_source(ctx, NULL);
    unsigned i = n->begin;
    while (i < n->end && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
        i++;
    while (i < n->end && strchr(" \t\r\n\f\v", s[i]))
        i++;
    if (i >= n->end || s[i] != '(')
        return -1;
    *lp = i;
    int depth = 0;
    for (; i < n->end; i++) {
        char c = s[i];
        if (c == '"' || c == '\'') {
            for (i++; i < n->end && s[i] != c; i++)
                i += s[i] == '\\';
        } else if ((c == '/' && (s[i + 1] == '/' || s[i + 1] == '*')) || c == '#') {
            return -1;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
            *rp = i;
            return 0;
        }
    }
    return -1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    return n->kind == CXCursor_IfStmt && header(ctx, n, &lp, &rp) == 0 && rp > lp + 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned lp, rp;
    if (header(ctx, sites[k], &lp, &rp) != 0)
        return MS_ERROR;
    if (ms_insert(ctx, lp + 1, "!(") != MS_MUTATED || ms_insert(ctx, rp, ")") != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(negate_if_condition, "Negate the condition of an if statement.", 0);
