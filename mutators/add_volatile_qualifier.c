/*
 * add_volatile_qualifier - make a local variable or parameter volatile.
 *
 *   before:  int *p = q; int n;      after:  int *volatile p = q; int n;
 *
 * "volatile " is inserted right before the declared name, so it qualifies
 * the object itself (the pointer, not the pointee; the elements of an
 * array). The name must follow a '*' or, in a declaration of one name only,
 * the specifiers: in "int a, b" volatile would apply to both. Sites
 * are named locals and parameters of function definitions that are not
 * volatile yet and whose address is never taken (&x would otherwise yield a
 * volatile pointer where a plain one is expected).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n);
    if (!p)
        return 0;
    if (n->kind == CXCursor_VarDecl) {
        if (p->kind != CXCursor_DeclStmt)
            return 0;
    } else if (n->kind == CXCursor_ParmDecl) {
        if (p->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, p) ||
            strcmp(ms_spelling(ctx, p->cursor), "main") == 0)
            return 0;
    } else {
        return 0;
    }
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass c = ms_classify(t);
    if (c == MS_T_OTHER || c == MS_T_FUNCTION || c == MS_T_VOID)
        return 0;
    CXString ts = clang_getTypeSpelling(t); /* va_arg rejects a volatile va_list */
    int va = strstr(clang_getCString(ts), "va_list") != NULL;
    clang_disposeString(ts);
    if (va)
        return 0;
    unsigned off = ms_name_offset(ctx, n);
    if (!off)
        return 0;
    /* after a '*' (then it qualifies that pointer only), or after the
     * specifiers of a lone declarator (they apply to all): not "int a, b" */
    const char *src = ms_source(ctx, NULL);
    unsigned lo = n->kind == CXCursor_VarDecl ? p->begin : n->begin, i = off;
    int lone = n->kind == CXCursor_ParmDecl || p->nchildren == 1;
    while (i > lo && strchr(" \t\r\n", src[i - 1]))
        i--;
    if (i <= lo ||
        !(src[i - 1] == '*' || (lone && (isalnum((unsigned char)src[i - 1]) || src[i - 1] == '_'))))
        return 0;
    /* the whole declaration up to the name: not volatile yet, no __auto_type */
    char *head = ms_text_range(ctx, n->kind == CXCursor_VarDecl ? p->begin : n->begin, off);
    if (strstr(head, "volatile") || strstr(head, "auto_type") || strstr(head, "typeof"))
        return 0;
    return !ms_address_taken(ctx, n->cursor);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    return ms_insert(ctx, ms_name_offset(ctx, sites[k]), "volatile ");
}

MS_MUTATOR(add_volatile_qualifier,
           "Qualify a local variable or parameter whose address is not taken as volatile.", 0);
