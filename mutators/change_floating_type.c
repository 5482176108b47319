/*
 * change_floating_type - give a variable, parameter, field or function
 * result of type float, double or long double another of these types.
 *
 *   before:  static double scale(float x) { double r = x * 2; return r; }
 *   after:   static double scale(float x) { long double r = x * 2; return r; }
 *
 * Only the type keywords written in the declaration change (the type is
 * not a typedef name: the declared type itself is float, double or long
 * double, not a pointer, array or _Complex type). Values convert
 * implicitly between the floating types in every expression, assignment,
 * argument and return, so the program stays valid. Sites whose type is
 * seen through a pointer are skipped: variables and fields whose address
 * is taken, and functions (result or parameter) that are declared more
 * than once, not prototyped, or referenced other than by a direct call.
 * Globals must be declared once; a variable must be the only declarator of
 * its declaration. Files with _Generic or static assertions are skipped.
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

static int floating(CXType t)
{
    return t.kind == CXType_Float || t.kind == CXType_Double || t.kind == CXType_LongDouble;
}

/* Every reference to function fn is the callee of a call. */
static int only_called(ms_ctx *ctx, const ms_node *fn)
{
    const ms_node **refs;
    int nr = ms_references_to(ctx, fn->cursor, &refs);
    for (int i = 0; i < nr; i++) {
        const ms_node *c = refs[i], *p = ms_parent(ctx, c);
        while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr)) {
            c = p;
            p = ms_parent(ctx, c);
        }
        if (!p || p->kind != CXCursor_CallExpr || ms_child(ctx, p, 0) != c)
            return 0;
    }
    return 1;
}

static int simple_function(ms_ctx *ctx, const ms_node *fn)
{
    const ms_node **decls;
    return fn && fn->kind == CXCursor_FunctionDecl &&
           clang_getCursorType(fn->cursor).kind == CXType_FunctionProto &&
           ms_declarations_of(ctx, fn->cursor, &decls) == 1 && only_called(ctx, fn) &&
           strcmp(ms_spelling(ctx, fn->cursor), "main") != 0;
}

typedef struct words {
    unsigned kw, kwlen; /* the float or double word */
    unsigned lng, lnglen; /* the long word (lnglen 0: none) */
} words;

/* Find the floating type words in the head of n (before its name). */
static int type_words(ms_ctx *ctx, const ms_node *n, words *w)
{
    unsigned off = ms_name_offset(ctx, n);
    if (!off || off <= n->begin)
        return 0;
    const char *src = ms_source(ctx, NULL);
    char *head = ms_text_range(ctx, n->begin, off);
    if (strpbrk(head, "(,{}[;=*") || strstr(head, "_Atomic") || strstr(head, "omplex") ||
        strstr(head, "_Imaginary") || strstr(head, "typeof"))
        return 0;
    int nkw = 0, nlong = 0;
    memset(w, 0, sizeof *w);
    for (unsigned i = n->begin; i < off;) {
        if (!isalpha((unsigned char)src[i]) && src[i] != '_') {
            i++;
            continue;
        }
        unsigned j = i;
        while (j < off && (isalnum((unsigned char)src[j]) || src[j] == '_'))
            j++;
        unsigned l = j - i;
        if ((l == 5 && memcmp(src + i, "float", 5) == 0) ||
            (l == 6 && memcmp(src + i, "double", 6) == 0)) {
            w->kw = i;
            w->kwlen = l;
            nkw++;
        } else if (l == 4 && memcmp(src + i, "long", 4) == 0) {
            w->lng = i;
            w->lnglen = l;
            nlong++;
        }
        i = j;
    }
    return nkw == 1 && nlong <= 1;
}

/* The declarator ends the declaration: `double a = 1, b;` changes both. */
static int alone(ms_ctx *ctx, const ms_node *n)
{
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = n->end;
    while (i < len && isspace((unsigned char)src[i]))
        i++;
    return i < len && src[i] == ';';
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), **decls;
    words w;
    CXType t = clang_getCursorType(n->cursor);
    switch (n->kind) {
    case CXCursor_VarDecl:
        if (p && (p->kind != CXCursor_DeclStmt || p->nchildren != 1))
            return 0;
        if ((!p && ms_declarations_of(ctx, n->cursor, &decls) != 1) || !alone(ctx, n) ||
            ms_address_taken(ctx, n->cursor))
            return 0;
        break;
    case CXCursor_FieldDecl:
        if (!p || (p->kind != CXCursor_StructDecl && p->kind != CXCursor_UnionDecl) ||
            !alone(ctx, n) || ms_address_taken(ctx, n->cursor) ||
            clang_Cursor_isBitField(n->cursor))
            return 0;
        break;
    case CXCursor_ParmDecl:
        if (!simple_function(ctx, p))
            return 0;
        break;
    case CXCursor_FunctionDecl:
        if (!simple_function(ctx, n))
            return 0;
        t = clang_getResultType(t);
        break;
    default:
        return 0;
    }
    return floating(t) && type_words(ctx, n, &w);
}

static int mutate(ms_ctx *ctx)
{
    const char *all = ms_source(ctx, NULL);
    if (strstr(all, "_Generic") || strstr(all, "tatic_assert"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    CXType t = clang_getCursorType(s->cursor);
    if (s->kind == CXCursor_FunctionDecl)
        t = clang_getResultType(t);
    static const char *const names[] = {"float", "double", "long double"};
    int cur = t.kind == CXType_Float ? 0 : t.kind == CXType_Double ? 1 : 2;
    int to = (cur + 1 + (int)ms_rand(ctx, 2)) % 3;
    words w;
    if (!type_words(ctx, s, &w))
        return MS_ERROR;
    if (w.lnglen) {
        unsigned e = w.lng + w.lnglen;
        while (all[e] == ' ' || all[e] == '\t')
            e++;
        if (ms_remove(ctx, w.lng, e) != MS_MUTATED)
            return MS_ERROR;
    }
    return ms_replace(ctx, w.kw, w.kw + w.kwlen, names[to]);
}

MS_MUTATOR(change_floating_type,
           "Change the float, double or long double type of a variable, parameter, field or "
           "function result to another of these types.",
           0);
