/*
 * replace_return_value - return a constant of the function's return type
 * instead of the returned expression.
 *
 *   before:  return a + b;      after:  return -1;
 *
 * Integer, enum and _Bool functions get 0, 1 or -1; floating ones 0.0, 1.0
 * or -1.0; pointer ones a null pointer constant. Struct, union and other
 * return types are not sites. A constant equal to the current text is
 * avoided.
 */
#include "mutsmith.h"

#include <string.h>

static const char *const ints[] = {"0", "1", "-1"};
static const char *const floats[] = {"0.0", "1.0", "-1.0"};
static const char *const ptrs[] = {"0", "(void *)0"};

/* The constants that fit the return type of the function holding n. */
static const char *const *choices(ms_ctx *ctx, const ms_node *n, int *count)
{
    const ms_node *fn = ms_enclosing_function(ctx, n);
    if (!fn)
        return NULL;
    switch (ms_classify(clang_getResultType(clang_getCursorType(fn->cursor)))) {
    case MS_T_INT:
    case MS_T_ENUM:
        *count = 3;
        return ints;
    case MS_T_FLOAT:
        *count = 3;
        return floats;
    case MS_T_POINTER:
    case MS_T_FUNCPTR:
        *count = 2;
        return ptrs;
    default:
        return NULL;
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    int count;
    return n->kind == CXCursor_ReturnStmt && n->nchildren == 1 && choices(ctx, n, &count);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    int count = 0;
    const char *const *c = choices(ctx, sites[k], &count);
    const ms_node *e = ms_child(ctx, sites[k], 0);
    const char *old = ms_text(ctx, e);
    unsigned i = ms_rand(ctx, (unsigned)count);
    if (strcmp(old, c[i]) == 0)
        i = (i + 1) % (unsigned)count;
    return ms_replace_node(ctx, sites[k], ms_printf(ctx, "return %s", c[i]));
}

MS_MUTATOR(replace_return_value,
           "Replace a returned expression with a constant of the return type.", 0);
