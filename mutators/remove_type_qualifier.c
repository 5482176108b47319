/*
 * remove_type_qualifier - remove one const, volatile or restrict keyword
 * from the declaration of a variable, field or parameter.
 *
 *   before:  static const char *const names[] = {"a", "b"};
 *   after:   static const char *names[] = {"a", "b"};
 *
 * The keyword is a token between the start of the declaration and the
 * declared name (the specifiers and the pointer part of the declarator);
 * declarations whose head holds '(' (function pointers, attributes,
 * typeof, _Atomic(T)) or ',' (a later declarator of a group) are skipped.
 * Dropping a qualifier only makes an object writable or a pointer target
 * less qualified, which at worst costs a warning. Sites: locals, fields,
 * globals declared once, and parameters of functions declared once whose
 * name is only ever called directly (a function pointer of the old type
 * would no longer match). A const variable keeps its const when it is
 * referenced inside a declaration, a case label, sizeof or at file scope
 * (clang folds it as a constant there: array bounds). Files with _Generic are skipped (a type
 * association could stop matching).
 */
#include "mutsmith.h"

#include <string.h>

static int is_qualifier(const char *s)
{
    return strcmp(s, "const") == 0 || strcmp(s, "volatile") == 0 ||
           strcmp(s, "restrict") == 0 || strcmp(s, "__restrict") == 0 ||
           strcmp(s, "__restrict__") == 0 || strcmp(s, "__const") == 0 ||
           strcmp(s, "__volatile__") == 0 || strcmp(s, "__volatile") == 0;
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

/* A reference to a const variable inside a declaration, a case label or at
 * file scope: clang may fold the variable as a constant there (array
 * bounds, static initializers), which a plain variable no longer is. */
static int folded_use(ms_ctx *ctx, const ms_node *var)
{
    const ms_node **refs;
    int nr = ms_references_to(ctx, var->cursor, &refs);
    for (int i = 0; i < nr; i++) {
        const ms_node *p = ms_parent(ctx, refs[i]);
        for (; p; p = ms_parent(ctx, p)) {
            enum CXCursorKind k = p->kind;
            if (k == CXCursor_VarDecl || k == CXCursor_FieldDecl || k == CXCursor_TypedefDecl ||
                k == CXCursor_ParmDecl || k == CXCursor_CaseStmt ||
                k == CXCursor_EnumConstantDecl || k == CXCursor_StaticAssert ||
                k == CXCursor_UnaryExpr)
                return 1;
            if (clang_isStatement(k))
                break;
        }
        if (!p)
            return 1;
    }
    return 0;
}

/* The qualifier tokens of n's head -> at/len (up to max); count. */
static int qualifiers(ms_ctx *ctx, const ms_node *n, unsigned *at, unsigned *len, int max)
{
    unsigned off = ms_name_offset(ctx, n);
    if (!off || off <= n->begin)
        return 0;
    const char *head = ms_text_range(ctx, n->begin, off);
    if (strpbrk(head, "(,{;=[") || strstr(head, "_Atomic") || strstr(head, "typeof"))
        return 0;
    size_t srclen;
    const char *src = ms_source(ctx, &srclen);
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(n->cursor);
    CXToken *toks = NULL;
    unsigned ntok = 0;
    int count = 0;
    clang_tokenize(tu, clang_getCursorExtent(n->cursor), &toks, &ntok);
    for (unsigned i = 0; i < ntok && count < max; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Keyword &&
            clang_getTokenKind(toks[i]) != CXToken_Identifier)
            continue;
        unsigned o = 0;
        clang_getSpellingLocation(clang_getTokenLocation(tu, toks[i]), NULL, NULL, NULL, &o);
        if (o >= off)
            break;
        CXString s = clang_getTokenSpelling(tu, toks[i]);
        const char *cs = clang_getCString(s);
        size_t sl = cs ? strlen(cs) : 0;
        if (sl && o >= n->begin && o + sl <= srclen && memcmp(src + o, cs, sl) == 0 &&
            is_qualifier(cs)) {
            at[count] = o;
            len[count++] = (unsigned)sl;
        }
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, ntok);
    return count;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), **decls;
    unsigned at[8], len[8], off = ms_name_offset(ctx, n);
    if (!off || off <= n->begin)
        return 0;
    char *head = ms_text_range(ctx, n->begin, off);
    if (!strstr(head, "const") && !strstr(head, "volatile") && !strstr(head, "restrict"))
        return 0;
    if (n->kind == CXCursor_VarDecl) {
        if (p && p->kind != CXCursor_DeclStmt)
            return 0;
        if (!p && ms_declarations_of(ctx, n->cursor, &decls) != 1)
            return 0;
        if (clang_isConstQualifiedType(clang_getCursorType(n->cursor)) && folded_use(ctx, n))
            return 0;
    } else if (n->kind == CXCursor_ParmDecl) {
        if (!p || p->kind != CXCursor_FunctionDecl ||
            ms_declarations_of(ctx, p->cursor, &decls) != 1 || !only_called(ctx, p))
            return 0;
    } else if (n->kind == CXCursor_FieldDecl) {
        if (!p || (p->kind != CXCursor_StructDecl && p->kind != CXCursor_UnionDecl))
            return 0;
    } else {
        return 0;
    }
    return qualifiers(ctx, n, at, len, 8) > 0;
}

static int mutate(ms_ctx *ctx)
{
    if (strstr(ms_source(ctx, NULL), "_Generic"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned at[8], len[8];
    int nq = qualifiers(ctx, sites[k], at, len, 8);
    if (nq <= 0)
        return MS_ERROR;
    int q = (int)ms_rand(ctx, (unsigned)nq);
    const char *src = ms_source(ctx, NULL);
    unsigned e = at[q] + len[q];
    while (src[e] == ' ' || src[e] == '\t')
        e++;
    return ms_remove(ctx, at[q], e);
}

MS_MUTATOR(remove_type_qualifier,
           "Remove one const, volatile or restrict keyword from the declaration of a variable, "
           "field or parameter.",
           0);
