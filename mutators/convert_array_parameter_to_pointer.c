/*
 * convert_array_parameter_to_pointer - rewrite an array parameter as the
 * pointer it is adjusted to, or an object pointer parameter as an array.
 *
 *   before:  int sum(const int a[static 4], int m[][3], char *const s);
 *   after:   int sum(const int *a, int m[][3], char *const s);
 *            int sum(const int a[static 4], int (*m)[3], char *const s);
 *            int sum(const int a[static 4], int m[][3], char s[const]);
 *
 * A parameter of type "array of T" is adjusted to "pointer to T", the
 * qualifiers inside the brackets qualifying the pointer, so both
 * spellings declare the same function type: every declaration and call
 * stays compatible. Array to pointer: the name is followed by brackets;
 * their qualifiers move after the '*' (static and the bound go), later
 * dimensions get the name in parentheses. Pointer to array: the name ends
 * the parameter and follows a '*' (plus qualifiers, which move into the
 * brackets); the pointee must be a complete object type at that point
 * (an array element must be), so not void, a function, a VLA, or a record
 * defined later in the file. Parameters are of prototyped function
 * declarations, without parentheses, attributes, typeof or _Atomic.
 */
#include "mutsmith.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct plan {
    unsigned name, name_end; /* the declared name */
    unsigned a, b;           /* array: first [..]; pointer: '*' .. name */
    int to_pointer, more;    /* more: further [..] follow the first */
    char quals[64];
} plan;

static int is_ident(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

static int qualifier_word(const char *s, unsigned l)
{
    return (l == 5 && memcmp(s, "const", 5) == 0) || (l == 8 && memcmp(s, "volatile", 8) == 0) ||
           (l == 8 && memcmp(s, "restrict", 8) == 0) || (l == 10 && memcmp(s, "__restrict", 10) == 0);
}

static void add_qual(plan *p, const char *s, unsigned l)
{
    size_t n = strlen(p->quals);
    if (n + l + 2 < sizeof p->quals) {
        if (n)
            p->quals[n++] = ' ';
        memcpy(p->quals + n, s, l);
        p->quals[n + l] = '\0';
    }
}

/* Is the pointee type t complete where parameter n is declared? */
static int complete_here(const ms_node *n, CXType t)
{
    t = clang_getCanonicalType(t);
    while (t.kind == CXType_ConstantArray)
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    if (t.kind == CXType_Void || t.kind == CXType_FunctionProto ||
        t.kind == CXType_FunctionNoProto || t.kind == CXType_VariableArray ||
        t.kind == CXType_IncompleteArray || t.kind == CXType_Invalid ||
        clang_Type_getSizeOf(t) <= 0)
        return 0;
    if (t.kind != CXType_Record && t.kind != CXType_Enum)
        return 1;
    CXCursor def = clang_getCursorDefinition(clang_getTypeDeclaration(t));
    if (clang_Cursor_isNull(def))
        return 0;
    CXFile df, nf;
    unsigned doff, noff;
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(def)), &df, NULL, NULL,
                               &doff);
    clang_getExpansionLocation(clang_getCursorLocation(n->cursor), &nf, NULL, NULL, &noff);
    return !clang_File_isEqual(df, nf) || doff <= n->begin;
}

static int make_plan(ms_ctx *ctx, const ms_node *n, plan *p)
{
    const ms_node *fn = ms_parent(ctx, n);
    memset(p, 0, sizeof *p);
    if (n->kind != CXCursor_ParmDecl || !fn || fn->kind != CXCursor_FunctionDecl ||
        clang_getCursorType(fn->cursor).kind != CXType_FunctionProto)
        return 0;
    unsigned off = ms_name_offset(ctx, n);
    if (!off || off <= n->begin)
        return 0;
    char *text = ms_text(ctx, n);
    if (strstr(text, "attribute") || strstr(text, "_Atomic") || strstr(text, "typeof") ||
        strpbrk(ms_text_range(ctx, n->begin, off), "()[],"))
        return 0;
    const char *src = ms_source(ctx, NULL);
    p->name = off;
    p->name_end = off + (unsigned)strlen(ms_spelling(ctx, n->cursor));
    unsigned i = p->name_end;
    while (i < n->end && isspace((unsigned char)src[i]))
        i++;
    if (i < n->end && src[i] == '[') { /* array to pointer */
        p->to_pointer = 1;
        p->a = i;
        int depth = 0;
        for (; i < n->end; i++) {
            if (src[i] == '[' || src[i] == '(')
                depth++;
            else if ((src[i] == ']' || src[i] == ')') && --depth == 0)
                break;
        }
        if (i >= n->end || src[i] != ']')
            return 0;
        p->b = i + 1;
        p->more = p->b < n->end;
        if (p->more && src[n->end - 1] != ']')
            return 0;
        for (unsigned j = p->a + 1; j < p->b - 1;) {
            if (isspace((unsigned char)src[j])) {
                j++;
                continue;
            }
            unsigned k = j;
            while (k < p->b && is_ident(src[k]))
                k++;
            if (k == j)
                break;
            if (qualifier_word(src + j, k - j))
                add_qual(p, src + j, k - j);
            else if (!(k - j == 6 && memcmp(src + j, "static", 6) == 0))
                break;
            j = k;
        }
        return 1;
    }
    if (p->name_end != n->end) /* pointer to array: the name ends it */
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    if (t.kind != CXType_Pointer || !complete_here(n, clang_getPointeeType(t)))
        return 0;
    i = off;
    char quals[64] = "";
    for (;;) {
        while (i > n->begin && isspace((unsigned char)src[i - 1]))
            i--;
        if (i <= n->begin)
            return 0;
        if (src[i - 1] == '*')
            break;
        unsigned k = i;
        while (k > n->begin && is_ident(src[k - 1]))
            k--;
        if (k == i || !qualifier_word(src + k, i - k))
            return 0;
        /* words are found right to left: prepend */
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(i - k), src + k, quals[0] ? " " : "", quals);
        memcpy(quals, tmp, sizeof quals);
        i = k;
    }
    memcpy(p->quals, quals, sizeof quals);
    p->a = i - 1;
    p->b = off;
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    plan p;
    return n->kind == CXCursor_ParmDecl && make_plan(ctx, n, &p);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    plan p;
    if (!make_plan(ctx, sites[k], &p))
        return MS_ERROR;
    const char *src = ms_source(ctx, NULL);
    const char *q = p.quals[0] ? ms_printf(ctx, "%s ", p.quals) : "";
    if (p.to_pointer) {
        if (ms_insert(ctx, p.name, ms_printf(ctx, "%s*%s", p.more ? "(" : "", q)) != MS_MUTATED)
            return MS_ERROR;
        return ms_replace(ctx, p.name_end, p.b, p.more ? ")" : "");
    }
    int glue = p.a > 0 && is_ident(src[p.a - 1]);
    if (ms_replace(ctx, p.a, p.b, glue ? " " : "") != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, p.name_end, ms_printf(ctx, "[%s]", p.quals));
}

MS_MUTATOR(convert_array_parameter_to_pointer,
           "Rewrite an array parameter T a[N] as the pointer T *a it is adjusted to, or an "
           "object pointer parameter T *p as T p[].",
           0);
