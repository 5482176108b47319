/*
 * replace_char_literal - replace a character literal with another one (NUL,
 * newline, DEL, quote, backslash, a letter, 0xff).
 *
 *   before:  if (c == 'a') n++;      after:  if (c == '\177') n++;
 *
 * The prefix (L u U) is kept. Literals in integer constant expressions (case
 * labels, enum values, array sizes) are not sites: a new value could collide
 * with another case label.
 */
#include "mutsmith.h"

#include <string.h>

static int in_ice(ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *c = n, *p = ms_parent(ctx, n); p; c = p, p = ms_parent(ctx, p)) {
        if (p->kind == CXCursor_CaseStmt)
            return ms_child(ctx, p, p->nchildren - 1) != c;
        if (p->kind == CXCursor_VarDecl) {
            CXSourceRange r = clang_getCursorExtent(clang_Cursor_getVarDeclInitializer(p->cursor));
            unsigned b = 0;
            clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
            return clang_Range_isNull(r) || b != c->begin;
        }
        if (clang_isDeclaration(p->kind) || clang_isAttribute(p->kind))
            return 1;
        if (clang_isStatement(p->kind))
            return 0;
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_CharacterLiteral || in_ice(ctx, n))
        return 0;
    const char *t = ms_text(ctx, n);
    size_t len = strlen(t);
    return len >= 3 && t[len - 1] == '\'' && strchr(t, '\'') != t + len - 1;
}

static int mutate(ms_ctx *ctx)
{
    static const char *const chars[] = {"'\\0'",   "'\\n'",  "'z'",  "'\\x7f'", "'\\177'",
                                        "'\\''",   "'\\\\'", "' '",  "'A'",     "'0'",
                                        "'\\377'", "'\\t'",  "'\"'", "'\\xff'", "'\\a'"};
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *t = ms_text(ctx, sites[k]);
    size_t q = (size_t)(strchr(t, '\'') - t);
    const char *body = t + q, *repl;
    do {
        repl = chars[ms_rand(ctx, sizeof chars / sizeof chars[0])];
    } while (!strcmp(repl, body));
    return ms_replace_node(ctx, sites[k], ms_printf(ctx, "%.*s%s", (int)q, t, repl));
}

MS_MUTATOR(replace_char_literal, "Replace a character literal with another character.", 0);
