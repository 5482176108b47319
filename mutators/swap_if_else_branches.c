/*
 * swap_if_else_branches - swap the branches of an if-else and negate its
 * condition.
 *
 *   before:  if (a < b) x = 1; else y = 2;
 *   after:   if (!(a < b)) { y = 2; } else x = 1;
 *
 * Only if statements with an else are sites. The new then-branch is braced
 * unless it already is a block, so an else-less if moved there (an `else if`
 * chain) cannot capture the else.
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

/* Does statement n end with its own ';' or '}' (not one from a macro)? */
static int whole(ms_ctx *ctx, const ms_node *n)
{
    unsigned e = ms_stmt_end(ctx, n);
    char c = e > n->begin ? ms_source(ctx, NULL)[e - 1] : 0;
    return c == ';' || c == '}';
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    unsigned lp, rp;
    return n->kind == CXCursor_IfStmt && n->nchildren == 3 &&
           ms_editable(ctx, ms_child(ctx, n, 1)) && ms_editable(ctx, ms_child(ctx, n, 2)) &&
           whole(ctx, ms_child(ctx, n, 1)) && whole(ctx, ms_child(ctx, n, 2)) &&
           header(ctx, n, &lp, &rp) == 0 && rp > lp + 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *then = ms_child(ctx, sites[k], 1), *els = ms_child(ctx, sites[k], 2);
    unsigned lp, rp, then_end = ms_stmt_end(ctx, then), else_end = ms_stmt_end(ctx, els);
    if (header(ctx, sites[k], &lp, &rp) != 0 || then_end > els->begin)
        return MS_ERROR;
    char *then_text = ms_text_range(ctx, then->begin, then_end);
    char *else_text = ms_text_range(ctx, els->begin, else_end);
    if (els->kind != CXCursor_CompoundStmt)
        else_text = ms_printf(ctx, "{ %s }", else_text);
    if (ms_insert(ctx, lp + 1, "!(") != MS_MUTATED || ms_insert(ctx, rp, ")") != MS_MUTATED ||
        ms_replace(ctx, then->begin, then_end, else_text) != MS_MUTATED ||
        ms_replace(ctx, els->begin, else_end, then_text) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_if_else_branches,
           "Swap the then and else branches of an if statement and negate its condition.", 0);
