/*
 * harness.h - a minimal unit-test harness: CHECK macros that count failures
 * and a helper that parses a string and builds a mutation context on it, so
 * framework helpers can be called exactly as a mutator would call them.
 */
#ifndef MUTSMITH_HARNESS_H
#define MUTSMITH_HARNESS_H

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failures, t_checks;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        t_checks++;                                                                    \
        if (!(cond)) {                                                                 \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, __func__, \
                    #cond);                                                            \
        }                                                                              \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *a_ = (a), *b_ = (b);                                               \
        t_checks++;                                                                    \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                       \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: %s: \"%s\" != \"%s\"\n", __FILE__, __LINE__, __func__, \
                    a_ ? a_ : "(null)", b_ ? b_ : "(null)");                           \
        }                                                                              \
    } while (0)

#define RUN(test)                                                                      \
    do {                                                                               \
        int before_ = t_failures;                                                      \
        test();                                                                        \
        fprintf(stderr, "  %-60s %s\n", #test, t_failures == before_ ? "ok" : "FAILED"); \
    } while (0)

#define FINISH()                                                                       \
    do {                                                                               \
        fprintf(stderr, "%d checks, %d failed\n", t_checks, t_failures);               \
        ms_index_dispose();                                                            \
        return t_failures ? 1 : 0;                                                     \
    } while (0)

typedef struct t_env {
    ms_unit *u;
    ms_ctx ctx;
    jmp_buf jb;
} t_env;

/* Parse src and set up a context on it; aborts the test program on failure. */
static inline void t_open(t_env *e, const char *src)
{
    char err[256];
    memset(e, 0, sizeof *e);
    if (ms_unit_parse(&e->u, src, strlen(src), NULL, err, sizeof err) != MS_PARSE_OK) {
        fprintf(stderr, "t_open: %s\n", err);
        exit(2);
    }
    e->ctx.u = e->u;
    e->ctx.arena = &e->u->arena;
    e->ctx.abort_jmp = &e->jb;
    e->ctx.forced_site = -1;
    ms_rng_seed(e->ctx.rng, 1);
}

static inline void t_close(t_env *e)
{
    ms_arena_reset(&e->u->arena);
    ms_unit_free(e->u);
}

/* The n-th node (pre-order) of a kind, or NULL. */
static inline const ms_node *t_nth(t_env *e, enum CXCursorKind kind, int n)
{
    for (int i = 0; i < e->u->nnodes; i++)
        if (e->u->nodes[i].kind == kind && n-- == 0)
            return &e->u->nodes[i];
    return NULL;
}

/* The first VarDecl/ParmDecl/FieldDecl/FunctionDecl whose name is `name`. */
static inline const ms_node *t_decl(t_env *e, const char *name)
{
    for (int i = 0; i < e->u->nnodes; i++) {
        const ms_node *n = &e->u->nodes[i];
        if (n->kind != CXCursor_VarDecl && n->kind != CXCursor_ParmDecl &&
            n->kind != CXCursor_FieldDecl && n->kind != CXCursor_FunctionDecl &&
            n->kind != CXCursor_TypedefDecl)
            continue;
        CXString s = clang_getCursorSpelling(n->cursor);
        int eq = strcmp(clang_getCString(s), name) == 0;
        clang_disposeString(s);
        if (eq)
            return n;
    }
    return NULL;
}

/* Apply the context's edits and return the result (malloc'd). */
static inline char *t_apply(t_env *e)
{
    char *out;
    size_t len;
    if (ms_edits_apply(&e->ctx, &out, &len) != MS_MUTATED)
        return NULL;
    return out;
}

#endif
