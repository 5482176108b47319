/*
 * while_to_do_while - rewrite a while loop as a do-while loop guarded by an
 * if.
 *
 *   before:  while (n > 0) n--;      after:  { if (n > 0) do n--; while (n > 0); }
 *
 * `continue` keeps its meaning (it jumps to the condition in both loops).
 * The condition is evaluated once more on entry, which changes the program
 * only when it has side effects. The result is braced so that an enclosing
 * if-else keeps its else.
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
    const ms_node *body = ms_child(ctx, n, 1);
    return n->kind == CXCursor_WhileStmt && n->nchildren == 2 && ms_editable(ctx, body) &&
           whole(ctx, body) &&
           header(ctx, n, &lp, &rp) == 0 && rp > lp + 1 && rp < body->begin;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = ms_child(ctx, loop, 1);
    unsigned lp, rp, end = ms_stmt_end(ctx, loop);
    if (header(ctx, loop, &lp, &rp) != 0)
        return MS_ERROR;
    char *cond = ms_text_range(ctx, lp + 1, rp);
    return ms_replace(ctx, loop->begin, end,
                      ms_printf(ctx, "{ if (%s) do %s while (%s); }", cond,
                                ms_text_range(ctx, body->begin, end), cond));
}

MS_MUTATOR(while_to_do_while, "Rewrite a while loop as a do-while loop guarded by an if.", 0);
