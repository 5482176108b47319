/*
 * nest_fields_in_anonymous_struct - wrap a run of consecutive field
 * declarations of a struct or union in an anonymous struct member (C11).
 *
 *   before:  struct S { int a; char *b; long c; };
 *   after:   struct S { int a; struct { char *b; long c; }; };
 *
 * The members of an anonymous struct are members of the enclosing record,
 * so s.b, p->c, designators .b and offsetof keep working, and positional
 * brace initializers stay valid by brace elision. A run is 1 to 3 fields,
 * each a declaration of its own (`int a, b;` is left alone) ending with
 * ';', named (an unnamed bit-field alone would leave an anonymous struct
 * without members, which a positional initializer cannot skip), without a
 * nested definition, not a flexible array member (which must stay the
 * last member of the outer record). Files with static
 * assertions are skipped (the layout may change).
 */
#include "mutsmith.h"

#include <string.h>

/* Offset of the ';' ending field f (a declaration of its own), or 0. */
static unsigned own_field(ms_ctx *ctx, const ms_node *f)
{
    unsigned name;
    if (!f || f->kind != CXCursor_FieldDecl || !ms_editable(ctx, f))
        return 0;
    /* a later declarator of a group `int a, b;` starts at `int` too */
    if (!(name = ms_name_offset(ctx, f)) || strchr(ms_text_range(ctx, f->begin, name), ','))
        return 0;
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = f->end;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'))
        i++;
    if (i >= len || src[i] != ';' || strpbrk(ms_text(ctx, f), "{}") ||
        clang_getCanonicalType(clang_getCursorType(f->cursor)).kind == CXType_IncompleteArray)
        return 0;
    return i;
}

static int copy_view(ms_ctx *ctx, const ms_node *rec)
{
    const ms_node *up = ms_parent(ctx, rec);
    return up && (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
                  up->kind == CXCursor_FieldDecl || up->kind == CXCursor_ParmDecl);
}

/* Fields of the run starting at f -> run[]; count (up to max). */
static int run_from(ms_ctx *ctx, const ms_node *f, const ms_node **run, unsigned *semi, int max)
{
    const ms_node *rec = ms_parent(ctx, f);
    if (!rec || (rec->kind != CXCursor_StructDecl && rec->kind != CXCursor_UnionDecl) ||
        copy_view(ctx, rec) || rec->in_macro)
        return 0;
    int n = 0;
    while (f && n < max) {
        unsigned s = own_field(ctx, f);
        if (!s)
            break;
        run[n] = f;
        semi[n++] = s;
        f = f->next_sibling < 0 ? NULL : ms_node_at(ctx, f->next_sibling);
    }
    return n;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *run[3];
    unsigned semi[3];
    return n->kind == CXCursor_FieldDecl && run_from(ctx, n, run, semi, 3) > 0;
}

static int mutate(ms_ctx *ctx)
{
    if (strstr(ms_source(ctx, NULL), "tatic_assert"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *run[3];
    unsigned semi[3];
    int len = run_from(ctx, sites[k], run, semi, 3);
    if (len <= 0)
        return MS_ERROR;
    len = 1 + (int)ms_rand(ctx, (unsigned)len);
    if (ms_insert(ctx, run[0]->begin, "struct { ") != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, semi[len - 1] + 1, " };");
}

MS_MUTATOR(nest_fields_in_anonymous_struct,
           "Wrap one to three consecutive field declarations of a struct or union in an "
           "anonymous struct member.",
           0);
