/*
 * switch_to_if_chain - rewrite a simple switch as a chain of if-else.
 *
 *   before:  switch (c) { case 1: case 2: x++; break; default: y++; }
 *   after:   { int ms_sw_0 = c; if (ms_sw_0 == 1 || ms_sw_0 == 2) { x++; } else { y++; } }
 *
 * Sites: a block body starting with a label, all labels directly in it (maybe
 * chained), no case ranges or declarations in it, no fallthrough (groups but
 * the last end in break/return/goto/continue), each break ends its group
 * (maybe in a trailing block). The condition goes into a fresh variable.
 */
#include "mutsmith.h"

#include <string.h>

typedef struct group { /* outer label, first and last statements, final break */
    const ms_node *labels, *first, *last, *brk;
} group;

#define IS_LABEL(n) ((n) && ((n)->kind == CXCursor_CaseStmt || (n)->kind == CXCursor_DefaultStmt))

/* Split the body into groups: their number, or -1 if the shape is not simple. */
static int analyse(ms_ctx *ctx, const ms_node *sw, group **out)
{
    const ms_node *cond = ms_child(ctx, sw, 0), *body = ms_child(ctx, sw, 1), *c, *s;
    int ng = 0, nbreak = 0;
    if (sw->nchildren != 2 || body->kind != CXCursor_CompoundStmt || !ms_editable(ctx, cond) ||
        !ms_declarator(ctx, clang_getCursorType(cond->cursor), "v"))
        return -1; /* also: a condition from a macro, or of an unspellable type */
    group *g = *out = ms_alloc(ctx, sizeof *g * (size_t)(body->nchildren + 1));
    for (int i = ms_node_index(ctx, body) + 1, end = ms_subtree_end(ctx, body); i < end; i++) {
        const ms_node *d = ms_node_at(ctx, i);
        if (d->kind == CXCursor_BreakStmt)
            nbreak += ms_jump_target(ctx, d) == sw;
        if (!IS_LABEL(d) || ms_jump_target(ctx, d) != sw)
            continue;
        if (d->kind == CXCursor_CaseStmt &&
            (d->nchildren != 2 || !ms_editable(ctx, ms_child(ctx, d, 0))))
            return -1; /* a case range, or a value from a macro */
        for (c = d; IS_LABEL(ms_parent(ctx, c));) /* up a chain `case 1: case 2:` */
            c = ms_parent(ctx, c);
        if (ms_parent(ctx, c) != body)
            return -1; /* a label nested deeper (Duff's device) */
    }
    for (c = ms_child(ctx, body, 0); c; c = ms_node_at(ctx, c->next_sibling)) {
        s = c;
        if (IS_LABEL(c)) {
            for (g[ng].labels = c; IS_LABEL(s);)
                s = ms_child(ctx, s, s->nchildren - 1);
            g[ng++].first = s;
        } else if (ng == 0) {
            return -1; /* code before the first label */
        }
        if (!s || s->kind == CXCursor_DeclStmt || !ms_editable(ctx, s) || !ms_stmt_is_whole(ctx, s))
            return -1; /* its ';' may come from a macro */
        g[ng - 1].last = s;
    }
    for (int i = 0; i < ng; i++) {
        for (s = g[i].last; s->kind == CXCursor_CompoundStmt && s->nchildren > 0;)
            s = ms_child(ctx, s, s->nchildren - 1); /* `{ ...; break; }` */
        if (s->kind == CXCursor_BreakStmt) {
            g[i].brk = s;
            nbreak--;
        } else if (i < ng - 1 && s->kind != CXCursor_ReturnStmt &&
                   s->kind != CXCursor_GotoStmt && s->kind != CXCursor_ContinueStmt) {
            return -1; /* falls through */
        }
    }
    return ng > 0 && nbreak == 0 ? ng : -1;
}

/* Parenthesised unless an identifier, a number or a plain character. */
static const char *paren(ms_ctx *ctx, const char *t)
{
    size_t n = strlen(t);
    int chr = n >= 3 && t[0] == '\'' && strchr(t + 1, '\'') == t + n - 1;
    return chr || strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n
               ? t : ms_printf(ctx, "(%s)", t);
}

/* A case value to compare with the condition of type t: the switch converts
 * it to t, so cast it when it is wider (`case 4294967295UL` for an int). */
static const char *case_value(ms_ctx *ctx, const ms_node *v, CXType t)
{
    const ms_node *o = v;
    while (o->kind == CXCursor_UnexposedExpr && o->nchildren == 1)
        o = ms_child(ctx, o, 0);
    const char *text = paren(ctx, ms_text(ctx, v)), *tn = ms_type_name(ctx, t);
    if (tn && clang_Type_getSizeOf(clang_getCursorType(o->cursor)) > clang_Type_getSizeOf(t))
        return ms_printf(ctx, "(%s)%s", tn, text);
    return text;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    group *g;
    return n->kind == CXCursor_SwitchStmt && analyse(ctx, n, &g) > 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    group *g;
    const ms_node *sw = sites[k];
    int ng = analyse(ctx, sw, &g), nif = 0;
    CXType t = clang_getCursorType(ms_child(ctx, sw, 0)->cursor);
    const char *v = ms_fresh_name(ctx, "ms_sw"), *dflt = NULL, *src = ms_source(ctx, NULL);
    char *out = ms_printf(ctx, "{ %s = %s; ", ms_declarator(ctx, t, v),
                          paren(ctx, ms_text(ctx, ms_child(ctx, sw, 0))));
    for (int i = 0; i < ng; i++) {
        unsigned b = g[i].first->begin, end = ms_stmt_end(ctx, g[i].last), cut = end, rest = end;
        if (g[i].brk) /* cut the break out, with the space before it */
            for (cut = g[i].brk->begin, rest = ms_stmt_end(ctx, g[i].brk);
                 cut > b && strchr(" \t\r\n", src[cut - 1]);)
                cut--;
        const char *text =
            ms_printf(ctx, "%s%s", ms_text_range(ctx, b, cut), ms_text_range(ctx, rest, end));
        const char *cond = "";
        const ms_node *c = g[i].labels;
        for (; c->kind == CXCursor_CaseStmt; c = ms_child(ctx, c, 1))
            cond = ms_printf(ctx, "%s%s%s == %s", cond, *cond ? " || " : "", v,
                             case_value(ctx, ms_child(ctx, c, 0), t));
        if (c->kind == CXCursor_DefaultStmt) { /* the group of default: the final else */
            dflt = text;
            continue;
        }
        out = ms_printf(ctx, "%s%sif (%s) { %s }", out, nif++ ? " else " : "", cond, text);
    }
    if (dflt)
        out = ms_printf(ctx, "%s%s{ %s }", out, nif ? " else " : "", dflt);
    return ms_replace(ctx, sw->begin, ms_stmt_end(ctx, sw), ms_printf(ctx, "%s }", out));
}

MS_MUTATOR(switch_to_if_chain, "Rewrite a simple switch statement as an if-else chain.", 0);
