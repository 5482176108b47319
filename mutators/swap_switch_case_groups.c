/*
 * swap_switch_case_groups - swap two case groups of a switch statement.
 *
 *   before:  switch (x) { case 1: a(); break; case 2: case 3: b(); return 0; }
 *   after:   switch (x) { case 2: case 3: b(); return 0; case 1: a(); break; }
 *
 * A group is a top-level case/default label of the switch body and the
 * statements after it up to the next such label. It is movable when it
 * ends in a break of this switch, a return, continue or goto, when the
 * group (or preamble) before it ends that way too (no fallthrough enters
 * it), and when it declares nothing at its top level (a later group could
 * use the name). Swapping two movable groups keeps the program's meaning.
 */
#include "mutsmith.h"

#define MAXG 64

typedef struct group {
    const ms_node *first, *last;
} group;

static int is_label(const ms_node *n)
{
    return n->kind == CXCursor_CaseStmt || n->kind == CXCursor_DefaultStmt;
}

static int ends_in_jump(ms_ctx *ctx, const ms_node *s, const ms_node *sw)
{
    while (s && is_label(s) && s->nchildren > 0)
        s = ms_child(ctx, s, s->nchildren - 1);
    if (!s)
        return 0;
    switch (s->kind) {
    case CXCursor_BreakStmt:
        return ms_jump_target(ctx, s) == sw;
    case CXCursor_ReturnStmt:
    case CXCursor_ContinueStmt:
    case CXCursor_GotoStmt:
    case CXCursor_IndirectGotoStmt:
        return 1;
    default:
        return 0;
    }
}

/* Movable groups of switch sw -> out; count. */
static int movable_groups(ms_ctx *ctx, const ms_node *sw, group *out)
{
    const ms_node *body = ms_child(ctx, sw, sw->nchildren - 1);
    if (!body || body->kind != CXCursor_CompoundStmt || !ms_editable(ctx, body))
        return 0;
    int m = 0, prev_jumps = 1, has_decl = 0, open = 0;
    group cur = {NULL, NULL};
    const ms_node *prev_last = NULL;
    for (int i = 0; i <= body->nchildren; i++) {
        const ms_node *c = i < body->nchildren ? ms_child(ctx, body, i) : NULL;
        if (c && !is_label(c)) {
            if (c->kind == CXCursor_DeclStmt)
                has_decl = 1;
            if (open)
                cur.last = c;
            prev_last = c;
            continue;
        }
        /* c is a label or the end: close the open group */
        if (open) {
            int jumps = ends_in_jump(ctx, cur.last, sw);
            if (jumps && prev_jumps && !has_decl && ms_editable(ctx, cur.first) &&
                ms_editable(ctx, cur.last) && ms_stmt_is_whole(ctx, cur.last) && m < MAXG)
                out[m++] = cur;
            prev_jumps = jumps;
        } else if (prev_last) {
            prev_jumps = ends_in_jump(ctx, prev_last, sw); /* the preamble */
        }
        if (!c)
            break;
        cur.first = cur.last = c;
        open = 1;
        has_decl = 0;
    }
    return m;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    group g[MAXG];
    return n->kind == CXCursor_SwitchStmt && movable_groups(ctx, n, g) >= 2;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    group g[MAXG];
    int m = movable_groups(ctx, sites[k], g);
    if (m < 2)
        return MS_ERROR;
    int i = (int)ms_rand(ctx, (unsigned)m), j = (int)ms_rand(ctx, (unsigned)m - 1);
    if (j >= i)
        j++;
    unsigned ab = g[i].first->begin, ae = ms_stmt_end(ctx, g[i].last);
    unsigned bb = g[j].first->begin, be = ms_stmt_end(ctx, g[j].last);
    char *ta = ms_text_range(ctx, ab, ae), *tb = ms_text_range(ctx, bb, be);
    if (ms_replace(ctx, ab, ae, tb) != MS_MUTATED || ms_replace(ctx, bb, be, ta) != MS_MUTATED)
        return MS_ERROR;
    return MS_MUTATED;
}

MS_MUTATOR(swap_switch_case_groups,
           "Swap two case groups of a switch that each end in break, return, continue or goto and "
           "are not entered by fallthrough.",
           0);
