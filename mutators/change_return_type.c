/*
 * change_return_type - give a function returning an integer another
 * integer return type, in every declaration.
 *
 *   before:  static unsigned short hash(const char *s);
 *   after:   static long hash(const char *s);
 *
 * Sites are function definitions other than main whose integer return type
 * is spelled with keywords or one typedef name ("unsigned int", "int32_t";
 * storage class, inline and qualifiers are kept), whose
 * every declaration is in the file, outside macros and spelled the same
 * way, and whose address is never taken (a function pointer type would
 * no longer match). Return values and calls convert implicitly.
 */
#include "mutsmith.h"

#include <string.h>

/* the integer types and how to spell them */
static const enum CXTypeKind kinds[] = {
    CXType_Char_S, CXType_SChar, CXType_UChar, CXType_Short,    CXType_UShort,   CXType_Int,
    CXType_UInt,   CXType_Long,  CXType_ULong, CXType_LongLong, CXType_ULongLong};
static const char *const names[] = {"char",           "signed char", "unsigned char",     "short",
                                    "unsigned short", "int",         "unsigned",          "long",
                                    "unsigned long",  "long long",   "unsigned long long"};
enum { NTYPES = sizeof kinds / sizeof kinds[0] };

/* keywords allowed before the name; the first six spell the type */
static const char *const words[] = {"signed", "unsigned", "char",       "short",    "int",
                                    "long",   "const",    "volatile",   "static",   "extern",
                                    "inline", "__inline", "__inline__", "_Noreturn"};
enum { NWORDS = sizeof words / sizeof words[0] };

static int type_index(CXType t)
{
    enum CXTypeKind k = clang_getCanonicalType(t).kind;
    for (int i = 0; i < NTYPES; i++)
        if (kinds[i] == (k == CXType_Char_U ? CXType_Char_S : k))
            return i;
    return -1;
}

/* When the text before the name of declaration d is made of such words: the
 * words to keep (not the type), each followed by a space, and in *end where
 * the last word ends. NULL otherwise. */
static char *spec_of(ms_ctx *ctx, const ms_node *d, unsigned *end)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(d->cursor), NULL, NULL, NULL, &off);
    CXType t = clang_getCursorResultType(d->cursor);
    if (t.kind == CXType_Elaborated)
        t = clang_Type_getNamedType(t);
    const char *td = t.kind == CXType_Typedef ? ms_spelling(ctx, clang_getTypeDeclaration(t)) : "";
    if (off <= d->begin || off >= d->end || !ms_editable(ctx, d))
        return NULL;
    const char *spec = ms_text_range(ctx, d->begin, off), *w = spec;
    char *kept = "";
    for (size_t len; *(w += strspn(w, " \t\r\n")); w += len) {
        int k = 0;
        len = strcspn(w, " \t\r\n");
        while (k < NWORDS && (strlen(words[k]) != len || strncmp(w, words[k], len) != 0))
            k++;
        if (k == NWORDS && (strlen(td) != len || strncmp(w, td, len) != 0))
            return NULL; /* neither a keyword nor the typedef name */
        if (k >= 6 && k < NWORDS)
            kept = ms_printf(ctx, "%s%.*s ", kept, (int)len, w);
        *end = d->begin + (unsigned)(w - spec + len);
    }
    return kept;
}

/* The declarations of fn, or NULL when fn is no site. */
static const ms_node **decls_of(ms_ctx *ctx, const ms_node *fn, int *count)
{
    const ms_node **v, **refs;
    unsigned end;
    *count = 0;
    if (!clang_Location_isFromMainFile(
            clang_getCursorLocation(clang_getCanonicalCursor(fn->cursor))))
        return NULL;
    int nd = ms_declarations_of(ctx, fn->cursor, &v);
    for (int i = 0; i < nd; i++)
        if (v[i]->kind != CXCursor_FunctionDecl || !spec_of(ctx, v[i], &end))
            return NULL;
    int nr = ms_references_to(ctx, fn->cursor, &refs);
    for (int i = 0; i < nr; i++) {
        const ms_node *c = refs[i], *p = ms_parent(ctx, c);
        while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
            c = p, p = ms_parent(ctx, p);
        if (!p || p->kind != CXCursor_CallExpr || ms_child(ctx, p, 0) != c)
            return NULL; /* address taken */
    }
    *count = nd;
    return v;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    int nd;
    return n->kind == CXCursor_FunctionDecl && ms_function_body(ctx, n) &&
           type_index(clang_getCursorResultType(n->cursor)) >= 0 &&
           strcmp(ms_spelling(ctx, n->cursor), "main") != 0 && decls_of(ctx, n, &nd);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    int old = type_index(clang_getCursorResultType(sites[k]->cursor)), nw, nd;
    do
        nw = (int)ms_rand(ctx, NTYPES);
    while (nw == old);
    const ms_node **d = decls_of(ctx, sites[k], &nd);
    for (int i = 0; i < nd; i++) {
        unsigned end = 0;
        const char *kept = spec_of(ctx, d[i], &end); /* storage, inline, qualifiers */
        if (ms_replace(ctx, d[i]->begin, end, ms_printf(ctx, "%s%s", kept, names[nw])) !=
            MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(change_return_type,
           "Give a function returning an integer another integer return type everywhere.", 0);
