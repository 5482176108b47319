/*
 * remove_unused_parameter - delete a parameter that a function never uses,
 * from every declaration of the function and the matching argument from
 * every call.
 *
 *   before:  static int pick(int a, int unused) { return a; }  ... pick(x, 3) ...
 *   after:   static int pick(int a) { return a; }               ... pick(x) ...
 *
 * Sites are parameters of prototyped, non-variadic function definitions
 * other than main that nothing in the definition refers to (neither the
 * body nor a later parameter's array bound). Every declaration of the
 * function must be in the file, outside macros, and either prototyped with
 * the same parameters (each gets the parameter removed; none may use a
 * parameter in a bound) or unprototyped "f()" (left alone: it stays
 * compatible). The function's address is never taken, so every reference is
 * the callee of a call; each call has one argument per parameter, and the
 * removed argument has no side effect (no call, assignment, ++, --, asm or
 * statement expression), so dropping it keeps the behaviour. The only
 * parameter becomes "void".
 */
#include "mutsmith.h"

#include <string.h>

typedef struct fnent {
    CXCursor canon;
    int used, bad;
    const ms_node **decls, **calls;
    int ndecls, ncalls;
} fnent;

typedef struct fntab {
    fnent *e;
    unsigned cap;
} fntab;

typedef struct site {
    const ms_node *fn;
    int param;
} site;

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

/* The call whose callee is DeclRefExpr r (through parentheses and implicit
 * conversions), or NULL. */
static const ms_node *call_of(const ms_ctx *ctx, const ms_node *r)
{
    const ms_node *c = r, *p = ms_parent(ctx, r);
    while (p && (p->kind == CXCursor_ParenExpr ||
                 (p->kind == CXCursor_UnexposedExpr && p->nchildren == 1 &&
                  p->begin == c->begin && p->end == c->end)))
        c = p, p = ms_parent(ctx, p);
    return p && p->kind == CXCursor_CallExpr && ms_child(ctx, p, 0) == c ? p : NULL;
}

static unsigned skip_space(const char *src, unsigned i, unsigned end)
{
    while (i < end && strchr(" \t\r\n", src[i]))
        i++;
    return i;
}

/* The ParmDecl children of declaration d -> out[max]; their count, or -1
 * when one is not editable or not followed by ',' or ')'. */
static int params(const ms_ctx *ctx, const ms_node *d, const ms_node **out, int max)
{
    const char *src = ms_source(ctx, NULL);
    int n = 0;
    for (const ms_node *c = ms_child(ctx, d, 0); c; c = ms_node_at(ctx, c->next_sibling)) {
        if (c->kind != CXCursor_ParmDecl)
            continue;
        unsigned i = skip_space(src, c->end, d->end);
        if (n >= max || !ms_editable(ctx, c) || i >= d->end || (src[i] != ',' && src[i] != ')'))
            return -1;
        out[n++] = c;
    }
    return n;
}

/* Does the subtree [from, to) of the AST refer to a parameter? Marks used[k]
 * for parameter k of fn (k < np), or returns 1 for any parameter when
 * used is NULL. */
static int refs_params(ms_ctx *ctx, int from, int to, const ms_node *fn, int np, int *used)
{
    for (int i = from; i < to; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind != CXCursor_DeclRefExpr)
            continue;
        CXCursor ref = clang_getCursorReferenced(n->cursor);
        if (clang_getCursorKind(ref) != CXCursor_ParmDecl)
            continue;
        if (!used)
            return 1;
        for (int k = 0; k < np; k++)
            if (clang_equalCursors(ref, clang_Cursor_getArgument(fn->cursor, (unsigned)k)))
                used[k] = 1;
    }
    return 0;
}

/* Any side effect in the subtree of expression e? */
static int side_effects(ms_ctx *ctx, const ms_node *e)
{
    if (e->end - e->begin > 4096) /* ms_operator tokenizes: keep it linear */
        return 1;
    int end = ms_subtree_end(ctx, e);
    for (int i = ms_node_index(ctx, e); i < end; i++) {
        const ms_node *n = ms_node_at(ctx, i);
        ms_op op;
        switch (n->kind) {
        case CXCursor_CallExpr:
        case CXCursor_CompoundAssignOperator:
        case CXCursor_StmtExpr:
        case CXCursor_AsmStmt:
            return 1;
        case CXCursor_BinaryOperator:
        case CXCursor_UnaryOperator:
            if (n->in_macro || ms_operator(ctx, n, &op) != 0 || strcmp(op.spelling, "=") == 0 ||
                strcmp(op.spelling, "++") == 0 || strcmp(op.spelling, "--") == 0)
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* One pass: declarations and calls of every function of the file; bad when
 * a reference is not a callee or a declaration cannot be edited. */
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
            if (!ms_editable(ctx, n))
                f->bad = 1;
            ms_vec_push(ctx, &f->decls, &f->ndecls, &n, sizeof n);
        } else if (n->kind == CXCursor_DeclRefExpr) {
            CXCursor ref = clang_getCursorReferenced(n->cursor);
            if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
                continue;
            fnent *f = lookup(&t, clang_getCanonicalCursor(ref), 0);
            if (!f)
                continue;
            const ms_node *call = call_of(ctx, n);
            if (!call || !ms_editable(ctx, call))
                f->bad = 1;
            else
                ms_vec_push(ctx, &f->calls, &f->ncalls, &call, sizeof call);
        }
    }
    return t;
}

enum { MAXP = 64 };

/* Unused parameters of definition fn -> sites; fn's declarations and
 * calls are checked here, once per function. */
static void add_sites(ms_ctx *ctx, fntab *t, const ms_node *fn, site **v, int *nv)
{
    CXType ft = clang_getCursorType(fn->cursor);
    int np = clang_Cursor_getNumArguments(fn->cursor);
    const ms_node *body = ms_function_body(ctx, fn), *p[MAXP];
    if (!body || ft.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(ft) || np < 1 ||
        np > MAXP || fn->parent >= 0 || strcmp(ms_spelling(ctx, fn->cursor), "main") == 0)
        return;
    CXCursor canon = clang_getCanonicalCursor(fn->cursor);
    fnent *f = lookup(t, canon, 0);
    if (!f || f->bad || !clang_Location_isFromMainFile(clang_getCursorLocation(canon)))
        return;
    for (int i = 0; i < f->ndecls; i++) {
        const ms_node *d = f->decls[i];
        CXType dt = clang_getCursorType(d->cursor);
        if (dt.kind == CXType_FunctionNoProto && clang_Cursor_getNumArguments(d->cursor) == 0)
            continue;
        if (dt.kind != CXType_FunctionProto || params(ctx, d, p, MAXP) != np)
            return;
        if (d != fn && refs_params(ctx, ms_node_index(ctx, d), ms_subtree_end(ctx, d), d, 0, NULL))
            return;
    }
    for (int i = 0; i < f->ncalls; i++)
        if (f->calls[i]->nchildren != np + 1)
            return;
    int used[MAXP] = {0};
    refs_params(ctx, ms_node_index(ctx, fn), ms_subtree_end(ctx, fn), fn, np, used);
    for (int k = 0; k < np; k++) {
        if (used[k])
            continue;
        int ok = 1;
        for (int i = 0; i < f->ncalls && ok; i++) {
            const ms_node *a = ms_child(ctx, f->calls[i], k + 1);
            ok = a && ms_editable(ctx, a) && !side_effects(ctx, a);
        }
        if (ok) {
            site s = {fn, k};
            ms_vec_push(ctx, v, nv, &s, sizeof s);
        }
    }
}

/* Remove item k of the n comma-separated ranges it[] (parameters or
 * arguments); the only item becomes repl. */
static int remove_item(ms_ctx *ctx, const ms_node **it, int n, int k, const char *repl)
{
    if (n == 1)
        return ms_replace(ctx, it[0]->begin, it[0]->end, repl);
    if (k + 1 < n)
        return ms_remove(ctx, it[k]->begin, it[k + 1]->begin);
    return ms_remove(ctx, it[k - 1]->end, it[k]->end);
}

static int mutate(ms_ctx *ctx)
{
    fntab t = build(ctx);
    site *v = NULL;
    int nv = 0;
    for (int i = 0; i < ms_node_count(ctx); i++) {
        const ms_node *n = ms_node_at(ctx, i);
        if (n->kind == CXCursor_FunctionDecl && ms_editable(ctx, n))
            add_sites(ctx, &t, n, &v, &nv);
    }
    int k = ms_pick(ctx, nv);
    if (k < 0)
        return MS_SKIP;
    const ms_node *fn = v[k].fn, *p[MAXP];
    int param = v[k].param, np = clang_Cursor_getNumArguments(fn->cursor);
    fnent *f = lookup(&t, clang_getCanonicalCursor(fn->cursor), 0);
    if (!f)
        return MS_ERROR;
    for (int i = 0; i < f->ndecls; i++) {
        if (clang_getCursorType(f->decls[i]->cursor).kind != CXType_FunctionProto)
            continue;
        if (params(ctx, f->decls[i], p, MAXP) != np ||
            remove_item(ctx, p, np, param, "void") != MS_MUTATED)
            return MS_ERROR;
    }
    for (int i = 0; i < f->ncalls; i++) {
        for (int j = 0; j < np; j++)
            p[j] = ms_child(ctx, f->calls[i], j + 1);
        if (remove_item(ctx, p, np, param, "") != MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(remove_unused_parameter,
           "Delete a parameter its function never uses from every declaration and the matching "
           "side-effect-free argument from every call.",
           0);
