/*
 * for_to_while - rewrite a for loop as a while loop in a block.
 *
 *   before:  for (int i = 0; i < n; i++) s += a[i];
 *   after:   { int i = 0; while (i < n) { s += a[i]; i++; } }
 *
 * The header is split at its two top-level ';' in the source text (libclang
 * skips empty parts). Loops whose body has a `continue` of their own are not
 * sites: it would skip the increment. An empty condition becomes 1.
 */
#include "mutsmith.h"

#include <string.h>

/* The '(' after the keyword, its matching ')', and the top-level ';' inside;
 * returns the number of such ';', or -1 (no header, comment or directive). */
static int header(ms_ctx *ctx, const ms_node *n, unsigned *lp, unsigned *rp, unsigned semi[2])
{
    const char *s = ms_source(ctx, NULL);
    unsigned i = n->begin;
    int depth = 0, ns = 0;
    while (i < n->end && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
        i++;
    while (i < n->end && strchr(" \t\r\n\f\v", s[i]))
        i++;
    if (i >= n->end || s[i] != '(')
        return -1;
    for (*lp = i; i < n->end; i++) {
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
            return ns;
        } else if (c == ';' && depth == 1 && ns++ < 2) {
            semi[ns - 1] = i;
        }
    }
    return -1;
}

/* Does a `continue` in the subtree of loop n belong to n itself? */
static int own_continue(ms_ctx *ctx, const ms_node *n)
{
    int first = ms_node_index(ctx, n), total = ms_node_count(ctx);
    for (int i = first + 1; i < total && ms_node_at(ctx, i)->depth > n->depth; i++) {
        const ms_node *c = ms_node_at(ctx, i);
        if (c->kind != CXCursor_ContinueStmt)
            continue;
        const ms_node *p = ms_parent(ctx, c);
        while (p && p->kind != CXCursor_ForStmt && p->kind != CXCursor_WhileStmt &&
               p->kind != CXCursor_DoStmt)
            p = ms_parent(ctx, p);
        if (p == n)
            return 1;
    }
    return 0;
}

static char *trim(ms_ctx *ctx, unsigned b, unsigned e)
{
    const char *s = ms_source(ctx, NULL);
    while (b < e && strchr(" \t\r\n\f\v", s[b]))
        b++;
    while (e > b && strchr(" \t\r\n\f\v", s[e - 1]))
        e--;
    return ms_text_range(ctx, b, e);
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
    unsigned lp, rp, semi[2];
    if (n->kind != CXCursor_ForStmt || n->nchildren < 1)
        return 0;
    const ms_node *body = ms_child(ctx, n, n->nchildren - 1);
    return ms_editable(ctx, body) && whole(ctx, body) && header(ctx, n, &lp, &rp, semi) == 2 &&
           rp < body->begin && !own_continue(ctx, n);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *loop = sites[k], *body = ms_child(ctx, loop, loop->nchildren - 1);
    unsigned lp, rp, semi[2], end = ms_stmt_end(ctx, loop);
    if (header(ctx, loop, &lp, &rp, semi) != 2)
        return MS_ERROR;
    char *init = trim(ctx, lp + 1, semi[0]), *cond = trim(ctx, semi[0] + 1, semi[1]);
    char *inc = trim(ctx, semi[1] + 1, rp);
    char *text = ms_printf(ctx, "{ %swhile (%s) { %s%s } }",
                           *init ? ms_printf(ctx, "%s; ", init) : "", *cond ? cond : "1",
                           ms_text_range(ctx, body->begin, end),
                           *inc ? ms_printf(ctx, " %s;", inc) : "");
    return ms_replace(ctx, loop->begin, end, text);
}

MS_MUTATOR(for_to_while, "Rewrite a for loop as an equivalent while loop inside a block.", 0);
