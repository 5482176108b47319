/*
 * convert_case_labels_to_range - merge stacked case labels whose values
 * form a run of consecutive integers into one GNU case range.
 *
 *   before:  case 3: case 4: case 5: return 1;
 *   after:   case 3 ... 5: return 1;
 *   before:  case KING: case QUEEN: case JACK: return 10;   (13, 12, 11)
 *   after:   case JACK ... KING: return 10;
 *
 * A run is a chain of plain case labels each labelling the next, starting
 * at the first label of the chain; its values (found by evaluating the
 * constant expressions) must be distinct and fill [min, max] exactly, so
 * the range selects the same values. The bounds keep the source text of
 * the smallest and largest label. Labels inside macros, existing ranges
 * and negative values in a switch on an unsigned type are skipped. At most
 * 64 labels are merged.
 */
#include "mutsmith.h"

#include <limits.h>
#include <string.h>

#define MAX_RUN 64

typedef struct run {
    const ms_node *label[MAX_RUN];
    long long value[MAX_RUN];
    int n, lo, hi; /* count, indices of the smallest and largest value */
} run;

static int value_of(ms_ctx *ctx, const ms_node *c, long long *v)
{
    const ms_node *e = ms_child(ctx, c, 0);
    if (c->kind != CXCursor_CaseStmt || c->nchildren != 2 || !e || !ms_editable(ctx, e) ||
        strncmp(ms_source(ctx, NULL) + c->begin, "case", 4))
        return -1;
    CXEvalResult r = clang_Cursor_Evaluate(e->cursor);
    if (!r)
        return -1;
    int ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok && clang_EvalResult_isUnsignedInt(r)) {
        unsigned long long u = clang_EvalResult_getAsUnsigned(r);
        ok = u <= (unsigned long long)LLONG_MAX;
        *v = (long long)u;
    } else if (ok) {
        *v = clang_EvalResult_getAsLongLong(r);
    }
    clang_EvalResult_dispose(r);
    return ok ? 0 : -1;
}

/* The longest run of at least 2 labels starting at c that is a contiguous
 * set of values; 0 if found. */
static int find_run(ms_ctx *ctx, const ms_node *c, run *r)
{
    const ms_node *p = ms_parent(ctx, c);
    if (p && p->kind == CXCursor_CaseStmt && ms_child(ctx, p, p->nchildren - 1) == c)
        return -1; /* not the first label of its chain */
    if (!ms_editable(ctx, c))
        return -1;
    const ms_node *sw = ms_jump_target(ctx, c);
    if (!sw || !ms_child(ctx, sw, 0))
        return -1;
    int unsigned_switch = ms_is_unsigned(clang_getCursorType(ms_child(ctx, sw, 0)->cursor));
    int best = 0, n = 0, lo = 0, hi = 0, best_lo = 0, best_hi = 0;
    for (const ms_node *l = c; l && n < MAX_RUN; l = ms_child(ctx, l, 1)) {
        long long v;
        if (value_of(ctx, l, &v) != 0 || (unsigned_switch && v < 0))
            break;
        for (int i = 0; i < n; i++)
            if (r->value[i] == v)
                goto done; /* cannot happen in valid C */
        r->label[n] = l;
        r->value[n] = v;
        if (n == 0 || v < r->value[lo])
            lo = n;
        if (n == 0 || v > r->value[hi])
            hi = n;
        n++;
        /* n distinct values fill [min, max] iff max - min == n - 1 */
        if (n >= 2 && (unsigned long long)r->value[hi] - (unsigned long long)r->value[lo] ==
                          (unsigned long long)(n - 1)) {
            best = n;
            best_lo = lo;
            best_hi = hi;
        }
    }
done:
    r->n = best;
    r->lo = best_lo;
    r->hi = best_hi;
    return best >= 2 ? 0 : -1;
}

/* Offset of the ':' that ends the last label of the run, or 0. */
static unsigned colon_of(ms_ctx *ctx, const run *r)
{
    const char *s = ms_source(ctx, NULL);
    const ms_node *last = r->label[r->n - 1], *e = ms_child(ctx, last, 0),
                  *sub = ms_child(ctx, last, 1);
    unsigned i = e->end;
    while (i < sub->begin && strchr(" \t\r\n", s[i]))
        i++;
    return i < sub->begin && s[i] == ':' ? i : 0;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    run r;
    return n->kind == CXCursor_CaseStmt && find_run(ctx, n, &r) == 0 && colon_of(ctx, &r) != 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    run r;
    unsigned colon;
    if (find_run(ctx, sites[k], &r) != 0 || !(colon = colon_of(ctx, &r)))
        return MS_ERROR;
    const char *text =
        ms_printf(ctx, "case %s ... %s:", ms_text(ctx, ms_child(ctx, r.label[r.lo], 0)),
                  ms_text(ctx, ms_child(ctx, r.label[r.hi], 0)));
    return ms_replace(ctx, sites[k]->begin, colon + 1, text);
}

MS_MUTATOR(convert_case_labels_to_range,
           "Merge stacked case labels whose values are consecutive integers into one GNU case "
           "range case lo ... hi:.",
           0);
