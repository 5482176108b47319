/*
 * add_restrict_qualifier - qualify an object pointer parameter or local
 * pointer variable as restrict.
 *
 *   before:  void f(int *a, const char *s) { char **q = 0; }
 *   after:   void f(int *restrict a, const char *s) { char **q = 0; }
 *
 * "restrict " is inserted right before the declared name, so it qualifies
 * the pointer itself. The name must follow a '*' or, in a declaration of
 * one name only (a typedef'd pointer), the specifiers. Sites: named locals
 * and parameters of function definitions (not main) of object pointer type
 * (not function pointers, not va_list), not restrict yet, whose address is
 * never taken (&p would otherwise have type T *restrict *).
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
    if (ms_classify(t) != MS_T_POINTER)
        return 0;
    ms_tclass pc = ms_classify(clang_getPointeeType(clang_getCanonicalType(t)));
    if (pc == MS_T_FUNCTION)
        return 0;
    unsigned off = ms_name_offset(ctx, n);
    if (!off)
        return 0;
    const char *src = ms_source(ctx, NULL);
    unsigned lo = n->kind == CXCursor_VarDecl ? p->begin : n->begin, i = off;
    int lone = n->kind == CXCursor_ParmDecl || p->nchildren == 1;
    while (i > lo && strchr(" \t\r\n", src[i - 1]))
        i--;
    if (i <= lo ||
        !(src[i - 1] == '*' || (lone && (isalnum((unsigned char)src[i - 1]) || src[i - 1] == '_'))))
        return 0;
    char *head = ms_text_range(ctx, lo, off);
    if (strstr(head, "restrict") || strstr(head, "auto_type") || strstr(head, "typeof") ||
        strstr(head, "va_list"))
        return 0;
    CXString ts = clang_getTypeSpelling(t);
    int va = strstr(clang_getCString(ts), "va_list") != NULL;
    clang_disposeString(ts);
    return !va && !ms_address_taken(ctx, n->cursor);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned off = ms_name_offset(ctx, sites[k]);
    if (!off)
        return MS_ERROR;
    return ms_insert(ctx, off, "restrict ");
}

MS_MUTATOR(add_restrict_qualifier,
           "Qualify an object pointer parameter or local pointer variable as restrict, right "
           "before its declared name.",
           0);
