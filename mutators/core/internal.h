/*
 * internal.h - private definitions shared by the framework's own files
 * (unit, context, arena, edits). Nothing outside mutators/core includes it.
 */
#ifndef MUTSMITH_INTERNAL_H
#define MUTSMITH_INTERNAL_H

#include "engine.h"
#include <setjmp.h>
#include <stdint.h>

/* Deepest AST level the flattening walk descends to. Deeper subtrees stay
 * unvisited (the unit is marked truncated); this bounds our stack use and
 * libclang's recursion on absurd inputs. */
#define MS_MAX_DEPTH 600
/* Largest arena a single mutate() call may use before it is aborted. */
#define MS_ARENA_LIMIT ((size_t)256 << 20)

typedef struct ms_arena_block {
    struct ms_arena_block *next;
    size_t used, cap;
    unsigned char data[];
} ms_arena_block;

typedef struct ms_arena {
    ms_arena_block *head;
    size_t total;
} ms_arena;

typedef struct ms_range {
    unsigned begin, end;
} ms_range;

struct ms_unit {
    CXTranslationUnit tu;
    char *src; /* neutralised copy, NUL-terminated */
    size_t len;
    char *filename;
    ms_node *nodes;
    int nnodes, cap;
    ms_range *macros; /* macro expansion ranges in the main file */
    int nmacros, macrocap;
    int errors;
    int truncated;
    ms_arena arena; /* reused by every run on this unit */
    struct ms_hashidx *by_hash; /* ms_find's index: nodes sorted by cursor hash (lazy) */
};

typedef struct ms_edit {
    unsigned begin, end; /* end == begin: insertion */
    const char *text;
    size_t textlen;
    int seq;
} ms_edit;

struct ms_ctx {
    ms_unit *u;
    ms_arena *arena;
    jmp_buf *abort_jmp; /* ms_alloc jumps here when the arena limit is hit */
    uint64_t rng[4];
    int forced_site;
    int count_only;
    int picks;
    int nsites;
    ms_edit *edits;
    int nedits;
    int fresh_counter;
    const char **fresh;
    int nfresh;
    struct taken_ent *taken; /* refs.c: address-taken declarations, by hash */
    int ntaken, taken_ready;
    struct ref_ent *refs; /* refs.c: declarations and references, by entity */
    int nrefs, refs_ready;
};

void ms_arena_init(ms_arena *a);
void ms_arena_reset(ms_arena *a); /* keeps the first block */
void ms_arena_free(ms_arena *a);
void *ms_arena_alloc(ms_arena *a, size_t size); /* NULL on limit/OOM */

void ms_rng_seed(uint64_t s[4], uint64_t seed);
uint64_t ms_rng_next(uint64_t s[4]);

/* Apply ctx's edits to the unit's source into a malloc'd buffer. */
int ms_edits_apply(ms_ctx *ctx, char **out, size_t *outlen);

/* Offset just past the next token ';' after off, skipping whitespace and
 * comments; returns off when the next token is not ';'. */
unsigned ms_skip_semicolon(const char *src, size_t len, unsigned off);

#endif
