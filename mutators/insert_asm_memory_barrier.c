/*
 * insert_asm_memory_barrier - insert an empty GNU inline asm statement
 * (a compiler memory barrier) before a statement in a function body.
 *
 *   before:  x = a; y = b;
 *   after:   x = a; __asm__ __volatile__("" ::: "memory"); y = b;
 *
 * Sites are statements directly in a block of a function (including
 * declarations and labelled statements: the asm goes before the label).
 * The asm has no operands, so it never changes types or scopes; only the
 * optimizer has to respect it as a barrier.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (!ms_is_statement(n) || ms_stmt_position(ctx, n) != MS_POS_BLOCK)
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p || p->kind != CXCursor_CompoundStmt)
        return 0;
    return ms_enclosing_function(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    static const char *const barriers[] = {
        "__asm__ __volatile__(\"\" ::: \"memory\"); ",
        "__asm__ volatile(\"\" : : : \"memory\"); ",
        "__asm__ __volatile__(\"\"); ",
        "__asm__(\"\" ::: \"memory\"); ",
    };
    return ms_insert(ctx, sites[k]->begin, barriers[ms_rand(ctx, 4)]);
}

MS_MUTATOR(insert_asm_memory_barrier,
           "Insert an empty GNU inline asm statement, volatile or not, with or without a memory "
           "clobber, before a statement in a function body.",
           0);
