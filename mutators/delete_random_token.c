/*
 * delete_random_token - delete one token of a function body (invalid by
 * design, to exercise the compiler's error recovery).
 *
 *   before:  x = a + (b - 1);      after:  x = a + (b 1);
 *
 * Sites are function bodies; the token (a ';', ')', '}', an operator, a
 * keyword or an identifier...) is chosen at random after the pick, from
 * the raw tokens of the body's source text.
 */
#include "mutsmith.h"

#include <string.h>

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n);
    return n->kind == CXCursor_CompoundStmt && p && p->kind == CXCursor_FunctionDecl;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    size_t len;
    const char *src = ms_source(ctx, &len);
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(sites[k]->cursor);
    CXToken *toks = NULL;
    unsigned ntok = 0, begin = 0, end = 0;
    clang_tokenize(tu, clang_getCursorExtent(sites[k]->cursor), &toks, &ntok);
    if (!toks || ntok == 0) {
        clang_disposeTokens(tu, toks, ntok);
        return MS_SKIP;
    }
    /* a random token; skip comments and tokens whose text is not where the
     * location says (a few tries) */
    for (int tries = 0; tries < 8 && end == 0; tries++) {
        CXToken t = toks[ms_rand(ctx, ntok)];
        if (clang_getTokenKind(t) == CXToken_Comment)
            continue;
        unsigned off = 0;
        clang_getExpansionLocation(clang_getTokenLocation(tu, t), NULL, NULL, NULL, &off);
        CXString s = clang_getTokenSpelling(tu, t);
        const char *cs = clang_getCString(s);
        size_t sl = cs ? strlen(cs) : 0;
        if (sl > 0 && off >= sites[k]->begin && off + sl <= sites[k]->end && off + sl <= len &&
            memcmp(src + off, cs, sl) == 0) {
            begin = off;
            end = off + (unsigned)sl;
        }
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, ntok);
    if (end == 0)
        return MS_SKIP;
    return ms_remove(ctx, begin, end);
}

MS_MUTATOR(delete_random_token, "Delete one token of a function body (produces invalid code).",
           MS_F_INVALID);
