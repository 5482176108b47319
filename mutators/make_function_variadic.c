/*
 * make_function_variadic - append ", ..." to the parameter list of a static
 * function, in its definition and every other declaration of it.
 *
 *   before:  static int add(int a, int b);  ...  static int add(int a, int b) { ... }
 *   after:   static int add(int a, int b, ...);  ...  static int add(int a, int b, ...) { ... }
 *
 * Sites are static, prototyped, non-variadic function definitions other
 * than main with at least one parameter, whose every declaration is in the
 * file, outside macros and prototyped (a variadic type is not compatible
 * with an unprototyped "f()"), and whose address is never taken: every
 * reference is the callee of a call, so no function pointer type has to
 * change. Calls keep their arguments: each one still matches a named
 * parameter and is converted exactly as before.
 */
#include "mutsmith.h"

#include <string.h>

typedef struct fnent {
    CXCursor canon;
    int used, bad;
    const ms_node **decls;
    int ndecls;
} fnent;

typedef struct fntab {
    fnent *e;
    unsigned cap;
} fntab;

static fnent *lookup(fntab *t, CXCursor canon, int create)
{
    unsigned h = clang_hashCursor(canon) & (t->cap - 1);
    while (t->e[h].used) {
        if (clang_equalCursors(t->e[h].canon, canon))
            return &t->e[h];
        h = (h + 1) & (t->cap - 1);
    }
    if (!create)
        return NULL;
    t->e[h].used = 1;
    t->e[h].canon = canon;
    return &t->e[h];
}

/* Is DeclRefExpr r the callee of a call (through parentheses and implicit
 * conversions)? */
static int is_callee(const ms_ctx *ctx, const ms_node *r)
{
    const ms_node *c = r, *p = ms_parent(ctx, r);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && p->nchildren == 1 &&
                  p->begin == c->begin && p->end == c->end)))
        c = p, p = ms_parent(ctx, p);
    return p && p->kind == CXCursor_CallExpr && ms_child(ctx, p, 0) == c;
}

/* The last ParmDecl child of declaration d, when a ',' or ')' follows it. */
static const ms_node *last_param(const ms_ctx *ctx, const ms_node *d)
{
    const ms_node *last = NULL;
    for (const ms_node *c = ms_child(ctx, d, 0); c; c = ms_node_at(ctx, c->next_sibling))
        if (c->kind == CXCursor_ParmDecl)
            last = c;
    if (!last || !ms_editable(ctx, last))
        return NULL;
    const char *src = ms_source(ctx, NULL);
    unsigned i = last->end;
    while (i < d->end && strchr(" \t\r\n", src[i]))
        i++;
    return i < d->end && src[i] == ')' ? last : NULL;
}

/* One pass over the AST: the declarations of every function of the file
 * and whether each one is referenced other than as a callee. */
static fntab build(ms_ctx *ctx)
{
    fntab t;
    int nfn = 0;
    for (int i = 0; i < ms_node_count(ctx); i++)
        nfn += ms_node_at(ctx, i)->kind == CXCursor_FunctionDecl;
    for (t.cap = 16; t.cap < 2u * (unsigned)nfn + 16; t.cap *= 2)
        ;
    t.e = ms_alloc(ctx, t.cap * sizeof *t.e);
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind == CXCursor_FunctionDecl) {
            fnent *f = lookup(&t, clang_getCanonicalCursor(n->cursor), 1);
            if (!ms_editable(ctx, n) ||
                clang_getCursorType(n->cursor).kind != CXType_FunctionProto ||
                clang_Cursor_getNumArguments(n->cursor) < 1 || !last_param(ctx, n))
                f->bad = 1;
            ms_vec_push(ctx, &f->decls, &f->ndecls, &n, sizeof n);
        } else if (n->kind == CXCursor_DeclRefExpr) {
            CXCursor ref = clang_getCursorReferenced(n->cursor);
            if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
                continue;
            fnent *f = lookup(&t, clang_getCanonicalCursor(ref), 0);
            if (f && !is_callee(ctx, n))
                f->bad = 1;
        }
    }
    return t;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    fntab *t = user;
    if (n->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, n) ||
        clang_Cursor_getStorageClass(n->cursor) != CX_SC_Static ||
        clang_isFunctionTypeVariadic(clang_getCursorType(n->cursor)) ||
        strcmp(ms_spelling(ctx, n->cursor), "main") == 0)
        return 0;
    CXCursor canon = clang_getCanonicalCursor(n->cursor);
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(canon)))
        return 0;
    fnent *f = lookup(t, canon, 0);
    return f && !f->bad;
}

static int mutate(ms_ctx *ctx)
{
    fntab t = build(ctx);
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, &t, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    fnent *f = lookup(&t, clang_getCanonicalCursor(sites[k]->cursor), 0);
    if (!f)
        return MS_ERROR;
    for (int i = 0; i < f->ndecls; i++) {
        const ms_node *p = last_param(ctx, f->decls[i]);
        if (!p || ms_insert(ctx, p->end, ", ...") != MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(make_function_variadic,
           "Append an ellipsis to the parameter list of every declaration of a static function "
           "that is only ever called by name.",
           0);
