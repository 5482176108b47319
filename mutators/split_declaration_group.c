/*
 * split_declaration_group - split a local declaration of several variables
 * at one top-level comma into two declarations.
 *
 *   before:  static const int a = 1, *b, c[2];
 *   after:   static const int a = 1; static const int *b, c[2];
 *
 * The repeated specifiers are the text before the first declarator's name,
 * cut at its first '*' or '(' (which belong to the declarator). Groups that
 * define a struct/enum, use typeof/attributes/_Alignas/_Atomic(...), or sit
 * in a for header are skipped.
 */
#include "mutsmith.h"
#include <string.h>

#define MAXC 64

static char *specifiers(ms_ctx *ctx, const ms_node *decl)
{
    const ms_node *first = ms_child(ctx, decl, 0);
    if (!first)
        return NULL;
    CXSourceLocation loc = clang_getCursorLocation(first->cursor);
    unsigned off;
    clang_getSpellingLocation(loc, NULL, NULL, NULL, &off);
    if (off <= decl->begin || off >= decl->end)
        return NULL;
    char *p = ms_text_range(ctx, decl->begin, off);
    size_t cut = strcspn(p, "*(");
    p[cut] = '\0';
    if (cut == 0 || strpbrk(p, "{};,=[") || strstr(p, "typeof") || strstr(p, "attribute") ||
        strstr(p, "_Alignas") || strstr(p, "_Atomic") || strstr(p, "declspec") || strstr(p, "asm"))
        return NULL;
    if (p[cut - 1] != ' ' && p[cut - 1] != '\t' && p[cut - 1] != '\n')
        p = ms_printf(ctx, "%s ", p);
    return p;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_DeclStmt || n->nchildren < 2 ||
        ms_stmt_position(ctx, n) != MS_POS_BLOCK || !ms_stmt_is_whole(ctx, n))
        return 0;
    for (int i = 0; i < n->nchildren; i++) {
        const ms_node *c = ms_child(ctx, n, i);
        if (!c || c->kind != CXCursor_VarDecl || !ms_editable(ctx, c))
            return 0;
    }
    unsigned at[MAXC];
    if (ms_top_level_chars(ctx, n->begin, n->end, ',', at, MAXC) != n->nchildren - 1 ||
        n->nchildren - 1 > MAXC)
        return 0;
    return specifiers(ctx, n) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *decl = sites[k];
    unsigned at[MAXC];
    int nc = ms_top_level_chars(ctx, decl->begin, decl->end, ',', at, MAXC);
    char *spec = specifiers(ctx, decl);
    if (nc < 1 || nc > MAXC || !spec)
        return MS_ERROR;
    unsigned comma = at[ms_rand(ctx, (unsigned)nc)];
    return ms_replace(ctx, comma, comma + 1, ms_printf(ctx, "; %s", spec));
}

MS_MUTATOR(split_declaration_group,
           "Split a local declaration of several variables such as int a = 1, *b; into separate "
           "declarations int a = 1; int *b; at one comma.",
           0);
