/*
 * change_integer_type - give a scalar integer declaration another integer type.
 *
 *   before:  static unsigned short h = 5381;   after:  static long long h = 5381;
 *
 * Sites: single-declarator variables, fields and parameters of integer type
 * spelled with keywords or one typedef name ("const unsigned", "int32_t"),
 * never under '&' (int * vs long *), with no other declaration; parameters of
 * definitions of functions only called by name. Bit-fields stay wide enough.
 */
#include "mutsmith.h"

#include <string.h>

/* the integer types by rank, and how to spell them */
static const enum CXTypeKind kinds[] = {
    CXType_Char_S, CXType_SChar, CXType_UChar, CXType_Short,    CXType_UShort,   CXType_Int,
    CXType_UInt,   CXType_Long,  CXType_ULong, CXType_LongLong, CXType_ULongLong};
static const char *const names[] = {"char",           "signed char", "unsigned char",     "short",
                                    "unsigned short", "int",         "unsigned",          "long",
                                    "unsigned long",  "long long",   "unsigned long long"};
static const int bits[] = {8, 8, 8, 16, 16, 32, 32, 64, 64, 64, 64};
enum { NTYPES = sizeof kinds / sizeof kinds[0] };

/* keywords allowed before the name; the first six spell the type */
static const char *const words[] = {"signed", "unsigned", "char",   "short",    "int", "long",
                                    "const",  "volatile", "static", "register", "auto"};
enum { NWORDS = sizeof words / sizeof words[0] };

static int type_index(CXType t)
{
    enum CXTypeKind k = clang_getCanonicalType(t).kind;
    for (int i = 0; i < NTYPES; i++)
        if (kinds[i] == (k == CXType_Char_U ? CXType_Char_S : k))
            return i;
    return -1;
}

/* Entities to leave alone, ended by a null cursor: objects under a prefix
 * '&', functions used other than as a callee, whatever has several
 * declarations (or one in a header: the canonical one is not the node). */
static const CXCursor *collect_taken(ms_ctx *ctx)
{
    CXCursor *v = NULL;
    int nv = 0;
    const char *src = ms_source(ctx, NULL);
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i), *p = ms_parent(ctx, n), *c = n;
        CXCursor canon = clang_getCanonicalCursor(n->cursor);
        if ((n->kind == CXCursor_VarDecl || n->kind == CXCursor_FunctionDecl) &&
            !clang_equalCursors(canon, n->cursor))
            ms_vec_push(ctx, &v, &nv, &canon, sizeof canon);
        if (n->kind != CXCursor_DeclRefExpr && n->kind != CXCursor_MemberRefExpr)
            continue;
        while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
            c = p, p = ms_parent(ctx, p);
        CXCursor d = clang_getCanonicalCursor(clang_getCursorReferenced(n->cursor));
        int callee = p && p->kind == CXCursor_CallExpr && ms_child(ctx, p, 0) == c;
        int addr = p && p->kind == CXCursor_UnaryOperator && (p->in_macro || src[p->begin] == '&');
        if (d.kind == CXCursor_FunctionDecl ? !callee : addr)
            ms_vec_push(ctx, &v, &nv, &d, sizeof d);
    }
    CXCursor end = clang_getNullCursor();
    ms_vec_push(ctx, &v, &nv, &end, sizeof end);
    return v;
}

static int is_taken(const CXCursor *t, CXCursor c)
{
    for (c = clang_getCanonicalCursor(c); !clang_Cursor_isNull(*t); t++)
        if (clang_equalCursors(*t, c))
            return 1;
    return 0;
}

/* When the text before n's name is made of such words: the words to keep
 * (not the type), each followed by a space, and in *end where the last word
 * ends. NULL otherwise. */
static char *spec_of(ms_ctx *ctx, const ms_node *n, unsigned *end)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(n->cursor), NULL, NULL, NULL, &off);
    CXType t = clang_getCursorType(n->cursor);
    if (t.kind == CXType_Elaborated)
        t = clang_Type_getNamedType(t);
    const char *td = t.kind == CXType_Typedef ? ms_spelling(ctx, clang_getTypeDeclaration(t)) : "";
    if (off <= n->begin || off >= n->end)
        return NULL;
    const char *spec = ms_text_range(ctx, n->begin, off), *w = spec;
    if (strlen(spec) != off - n->begin)
        return NULL; /* a NUL byte, which clang skips as a blank, hides the rest */
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
        *end = n->begin + (unsigned)(w - spec + len);
    }
    return kept;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    const ms_node *p = ms_parent(ctx, n), *up = ms_parent(ctx, p);
    const char *src = ms_source(ctx, NULL);
    unsigned end;
    if ((n->kind != CXCursor_VarDecl && n->kind != CXCursor_FieldDecl &&
         n->kind != CXCursor_ParmDecl) ||
        type_index(clang_getCursorType(n->cursor)) < 0 || !spec_of(ctx, n, &end) ||
        is_taken(user, n->cursor))
        return 0;
    if (n->kind == CXCursor_ParmDecl)
        return p && p->kind == CXCursor_FunctionDecl && ms_function_body(ctx, p) &&
               !is_taken(user, p->cursor) && strcmp(ms_spelling(ctx, p->cursor), "main") != 0;
    if (p && p->kind == CXCursor_DeclStmt)
        return p->nchildren == 1 && clang_Cursor_getStorageClass(n->cursor) != CX_SC_Extern;
    /* one declarator (';' follows); no field of the copy libclang shows of a
     * record defined in a typedef or variable, nor with layout assertions */
    if (src[n->end + strspn(src + n->end, " \t\r\n")] != ';' || (n->kind == CXCursor_VarDecl && p))
        return 0;
    return n->kind == CXCursor_VarDecl ||
           (!strstr(src, "tatic_assert") &&
            (!up || (up->kind != CXCursor_TypedefDecl && up->kind != CXCursor_VarDecl &&
                     up->kind != CXCursor_FieldDecl)));
}

static int mutate(ms_ctx *ctx)
{
    const CXCursor *t = collect_taken(ctx);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, (void *)t, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    int old = type_index(clang_getCursorType(s->cursor)), nw;
    int width = clang_Cursor_isBitField(s->cursor) ? clang_getFieldDeclBitWidth(s->cursor) : 0;
    do
        nw = (int)ms_rand(ctx, NTYPES);
    while (nw == old || bits[nw] < width);
    unsigned end = 0;
    const char *kept = spec_of(ctx, s, &end); /* qualifiers, storage class */
    return ms_replace(ctx, s->begin, end, ms_printf(ctx, "%s%s", kept, names[nw]));
}

MS_MUTATOR(change_integer_type,
           "Give a scalar integer variable, field or parameter another integer type.", 0);
