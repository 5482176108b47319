/*
 * edit.c - the edit queue. Mutators queue replacements, insertions and
 * removals as byte ranges of the original buffer; overlapping edits are
 * refused when queued; after mutate() returns the queue is sorted and applied
 * back to front into a fresh output buffer, so offsets never shift.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int overlaps(const ms_edit *a, unsigned b, unsigned e)
{
    int a_ins = a->begin == a->end, n_ins = b == e;
    if (a_ins && n_ins)
        return 0; /* two insertions never overlap, even at one offset */
    if (a_ins)
        return a->begin > b && a->begin < e;
    if (n_ins)
        return b > a->begin && b < a->end;
    return b < a->end && a->begin < e;
}

static int queue(ms_ctx *ctx, unsigned begin, unsigned end, const char *text)
{
    if (begin > end || end > ctx->u->len || !text)
        return MS_ERROR;
    for (int i = 0; i < ctx->nedits; i++)
        if (overlaps(&ctx->edits[i], begin, end))
            return MS_ERROR;
    ms_edit e;
    e.begin = begin;
    e.end = end;
    e.text = ms_strdup(ctx, text);
    e.textlen = strlen(text);
    e.seq = ctx->nedits;
    ms_vec_push(ctx, &ctx->edits, &ctx->nedits, &e, sizeof e);
    return MS_MUTATED;
}

int ms_replace(ms_ctx *ctx, unsigned begin, unsigned end, const char *text)
{
    return queue(ctx, begin, end, text);
}

int ms_insert(ms_ctx *ctx, unsigned offset, const char *text)
{
    return queue(ctx, offset, offset, text);
}

int ms_remove(ms_ctx *ctx, unsigned begin, unsigned end)
{
    return queue(ctx, begin, end, "");
}

int ms_replace_node(ms_ctx *ctx, const ms_node *n, const char *text)
{
    if (!ms_editable(ctx, n))
        return MS_ERROR;
    return queue(ctx, n->begin, n->end, text);
}

int ms_insert_decl_in_function(ms_ctx *ctx, const ms_node *fn, const char *text)
{
    const ms_node *body = ms_function_body(ctx, fn);
    if (!body || body->in_macro || ctx->u->src[body->begin] != '{')
        return MS_ERROR;
    return queue(ctx, body->begin + 1, body->begin + 1, ms_printf(ctx, "\n%s\n", text));
}

int ms_insert_before_toplevel(ms_ctx *ctx, const ms_node *n, const char *text)
{
    const ms_node *top = ms_enclosing_toplevel(ctx, n);
    if (!top || top->in_macro)
        return MS_ERROR;
    return queue(ctx, top->begin, top->begin, ms_printf(ctx, "%s\n", text));
}

static int cmp_edit(const void *a, const void *b)
{
    const ms_edit *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    /* at one offset: insertions first (queue order), then the replacement */
    int xi = x->begin == x->end, yi = y->begin == y->end;
    if (xi != yi)
        return xi ? -1 : 1;
    return x->seq - y->seq;
}

int ms_edits_apply(ms_ctx *ctx, char **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    const char *src = ctx->u->src;
    size_t len = ctx->u->len;
    qsort(ctx->edits, (size_t)ctx->nedits, sizeof *ctx->edits, cmp_edit);
    size_t total = len;
    for (int i = 0; i < ctx->nedits; i++)
        total += ctx->edits[i].textlen - (ctx->edits[i].end - ctx->edits[i].begin);
    char *buf = malloc(total + 1);
    if (!buf)
        return MS_ERROR;
    /* fill from the back: each edit's text lands after the part before it */
    size_t w = total, tail = len;
    for (int i = ctx->nedits - 1; i >= 0; i--) {
        const ms_edit *e = &ctx->edits[i];
        size_t keep = tail - e->end;
        w -= keep;
        memcpy(buf + w, src + e->end, keep);
        w -= e->textlen;
        memcpy(buf + w, e->text, e->textlen);
        tail = e->begin;
    }
    memcpy(buf, src, tail);
    buf[total] = '\0';
    *out = buf;
    *outlen = total;
    return MS_MUTATED;
}
