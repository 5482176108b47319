/*
 * arena.c - the per-call bump allocator behind ms_alloc and friends, and the
 * growable arena arrays. Everything a mutator allocates lives here and is
 * released in one step after the call, which is what makes leaks in
 * mutators impossible.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64u * 1024u)

void ms_arena_init(ms_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void ms_arena_free(ms_arena *a)
{
    ms_arena_block *b = a->head;
    while (b) {
        ms_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void ms_arena_reset(ms_arena *a)
{
    /* the list runs newest first; keep the oldest block if it has the
     * standard size, so steady-state calls allocate nothing */
    ms_arena_block *b = a->head, *keep = NULL;
    while (b) {
        ms_arena_block *next = b->next;
        if (!next && b->cap == ARENA_BLOCK)
            keep = b;
        else
            free(b);
        b = next;
    }
    a->head = keep;
    a->total = 0;
    if (keep) {
        memset(keep->data, 0, keep->used);
        keep->used = 0;
        a->total = keep->cap;
    }
}

void *ms_arena_alloc(ms_arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0)
        size = 16;
    ms_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        if (a->total + cap > MS_ARENA_LIMIT)
            return NULL;
        b = calloc(1, sizeof *b + cap);
        if (!b)
            return NULL;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
        a->total += cap;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *ms_alloc(ms_ctx *ctx, size_t size)
{
    void *p = ms_arena_alloc(ctx->arena, size);
    if (!p)
        longjmp(*ctx->abort_jmp, 1);
    return p;
}

char *ms_strdup(ms_ctx *ctx, const char *s)
{
    size_t n = strlen(s);
    char *p = ms_alloc(ctx, n + 1);
    memcpy(p, s, n);
    return p;
}

char *ms_printf(ms_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return ms_strdup(ctx, "");
    char *p = ms_alloc(ctx, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void ms_vec_push(ms_ctx *ctx, void *vec_ptr, int *count, const void *item, size_t size)
{
    unsigned char **vec = vec_ptr;
    int n = *count;
    /* capacity is the next power of two >= n, starting at 8 */
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        size_t cap = n == 0 ? 8 : (size_t)n * 2;
        unsigned char *nv = ms_alloc(ctx, cap * size);
        if (n)
            memcpy(nv, *vec, (size_t)n * size);
        *vec = nv;
    }
    memcpy(*vec + (size_t)n * size, item, size);
    *count = n + 1;
}

