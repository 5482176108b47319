/*
 * designate_positional_initializer - give one positional element of a
 * struct initializer the designator of the field it already initializes.
 *
 *   before:  struct point p = {1, 2, 3};
 *   after:   struct point p = {1, .y = 2, 3};
 *
 * Positional elements after a designator continue with the next field, so
 * the meaning is unchanged. Sites are brace lists of struct type with no
 * designators, no brace elision (every aggregate field gets its own brace
 * list, a string or a value of its own type), at most as many elements as
 * fields, and only named fields (no anonymous members, no unnamed
 * bit-fields, which positional initialisation skips).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

#define MAXF 64

typedef struct fields {
    CXCursor f[MAXF];
    int n, bad;
} fields;

static enum CXVisitorResult visit(CXCursor c, CXClientData data)
{
    fields *fs = data;
    if (fs->n >= MAXF) {
        fs->bad = 1;
        return CXVisit_Break;
    }
    fs->f[fs->n++] = c;
    return CXVisit_Continue;
}

static int named(ms_ctx *ctx, CXCursor f)
{
    const char *s = ms_spelling(ctx, f);
    if (!s || !*s || isdigit((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

/* Fields of n's struct type in order, or 0 when n is not a usable site. */
static int get_fields(ms_ctx *ctx, const ms_node *n, fields *fs)
{
    memset(fs, 0, sizeof *fs);
    if (n->kind != CXCursor_InitListExpr || n->nchildren < 1 || n->begin + 1 >= n->end)
        return 0;
    const char *src = ms_source(ctx, NULL);
    if (src[n->begin] != '{' || src[n->end - 1] != '}')
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(n->cursor));
    if (t.kind != CXType_Record || clang_getTypeDeclaration(t).kind != CXCursor_StructDecl)
        return 0;
    clang_Type_visitFields(t, visit, fs);
    if (fs->bad || fs->n < n->nchildren)
        return 0;
    for (int i = 0; i < fs->n; i++)
        if (!named(ctx, fs->f[i]))
            return 0;
    unsigned at[MAXF + 1];
    int commas = ms_top_level_chars(ctx, n->begin + 1, n->end - 1, ',', at, MAXF + 1);
    if (commas != n->nchildren - 1 && commas != n->nchildren)
        return 0;
    unsigned prev = n->begin + 1;
    for (int i = 0; i < n->nchildren; i++) {
        const ms_node *c = ms_child(ctx, n, i);
        if (!c || !ms_editable(ctx, c) || c->begin < prev || c->begin >= c->end ||
            src[c->begin] == '.' || src[c->begin] == '[')
            return 0;
        prev = c->end;
        ms_tclass fk = ms_classify(clang_getCursorType(fs->f[i]));
        if (c->kind == CXCursor_InitListExpr) {
            if (src[c->begin] != '{')
                return 0; /* elided braces */
        } else if (fk == MS_T_RECORD || fk == MS_T_ARRAY) {
            if (ms_classify(clang_getCursorType(c->cursor)) != fk)
                return 0; /* brace elision */
        }
    }
    return 1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    fields fs;
    return get_fields(ctx, n, &fs);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    fields fs;
    if (!get_fields(ctx, sites[k], &fs))
        return MS_ERROR;
    int i = (int)ms_rand(ctx, (unsigned)sites[k]->nchildren);
    const ms_node *c = ms_child(ctx, sites[k], i);
    if (!c)
        return MS_ERROR;
    return ms_insert(ctx, c->begin, ms_printf(ctx, ".%s = ", ms_spelling(ctx, fs.f[i])));
}

MS_MUTATOR(designate_positional_initializer,
           "Give one positional element of a struct brace initializer the field designator "
           ".name = it already initializes.",
           0);
