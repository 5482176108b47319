/*
 * add_function_parameter - append a parameter to a function and an argument
 * to every call of it.
 *
 *   before:  static int sq(int x) { return x * x; }   ... sq(3) ...
 *   after:   static int sq(int x, long p_0) { return x * x; }   ... sq(3, 7) ...
 *
 * Sites are prototyped, non-variadic function definitions other than main
 * whose every declaration is in the file (none in a header) and outside
 * macros, whose address is never taken (only called by name), and whose
 * calls all end with a visible ')', and whose every declaration shows where a
 * parameter goes (after the last one, or in place of "void"). Every
 * declaration gets the parameter.
 */
#include "mutsmith.h"

#include <string.h>

static int param_slot(ms_ctx *ctx, const ms_node *d, unsigned *at, int *is_void);

typedef struct fninfo {
    const ms_node **decls, **calls;
    int ndecls, ncalls, ok;
} fninfo;

/* Gather the declarations and calls of fn; ok = all of them are editable
 * and every other reference to it is the callee of a call. */
static void gather(ms_ctx *ctx, const ms_node *fn, fninfo *f)
{
    const char *src = ms_source(ctx, NULL);
    memset(f, 0, sizeof *f);
    f->ok = clang_Location_isFromMainFile(clang_getCursorLocation(clang_getCanonicalCursor(fn->cursor)));
    if (!f->ok)
        return;
    f->ndecls = ms_declarations_of(ctx, fn->cursor, &f->decls);
    for (int i = 0; i < f->ndecls && f->ok; i++) {
        const ms_node *n = f->decls[i];
        unsigned at;
        int is_void;
        f->ok = n->kind == CXCursor_FunctionDecl && ms_editable(ctx, n) &&
                clang_getCursorType(n->cursor).kind == CXType_FunctionProto &&
                param_slot(ctx, n, &at, &is_void) == 0;
    }
    const ms_node **refs;
    int nrefs = ms_references_to(ctx, fn->cursor, &refs);
    for (int i = 0; i < nrefs && f->ok; i++) {
        const ms_node *c = refs[i], *p = ms_parent(ctx, c);
        while (p && (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr))
            c = p, p = ms_parent(ctx, p);
        f->ok = refs[i]->kind == CXCursor_DeclRefExpr && p && p->kind == CXCursor_CallExpr &&
                ms_child(ctx, p, 0) == c && ms_editable(ctx, p) && src[p->end - 1] == ')';
        if (f->ok)
            ms_vec_push(ctx, &f->calls, &f->ncalls, &p, sizeof p);
    }
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_FunctionDecl || !ms_function_body(ctx, n) ||
        clang_getCursorType(n->cursor).kind != CXType_FunctionProto ||
        clang_isFunctionTypeVariadic(clang_getCursorType(n->cursor)) ||
        strcmp(ms_spelling(ctx, n->cursor), "main") == 0)
        return 0;
    fninfo f;
    gather(ctx, n, &f);
    return f.ok;
}

/* Where declaration d's parameter list takes one more parameter: after the
 * last one (*is_void = 0), or replacing the "void" of "(void)" at *at
 * (*is_void = 1). -1 when neither is found: a list clang recovered from
 * broken code, e.g. the K&R-style "t s(n) {" with an unknown type t. */
static int param_slot(ms_ctx *ctx, const ms_node *d, unsigned *at, int *is_void)
{
    int np = clang_Cursor_getNumArguments(d->cursor);
    if (np > 0) {
        const ms_node *last = ms_find(ctx, clang_Cursor_getArgument(d->cursor, (unsigned)np - 1));
        if (!last || !ms_editable(ctx, last))
            return -1;
        *at = last->end;
        *is_void = 0;
        return 0;
    }
    /* "(void)": the first '(' after the name */
    size_t len;
    const char *src = ms_source(ctx, &len);
    unsigned i = 0;
    clang_getExpansionLocation(clang_getCursorLocation(d->cursor), NULL, NULL, NULL, &i);
    while (i < d->end && src[i] != '(')
        i++;
    for (i++; i < d->end && strchr(" \t\r\n", src[i]); i++)
        ;
    if (i + 4 > d->end || strncmp(src + i, "void", 4) != 0)
        return -1;
    *at = i;
    *is_void = 1;
    return 0;
}

/* Add "param" to the parameter list of declaration d. */
static int add_param(ms_ctx *ctx, const ms_node *d, const char *param)
{
    unsigned at;
    int is_void;
    if (param_slot(ctx, d, &at, &is_void) != 0)
        return MS_ERROR;
    return is_void ? ms_replace(ctx, at, at + 4, param)
                   : ms_insert(ctx, at, ms_printf(ctx, ", %s", param));
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    static const char *const types[] = {"int", "long", "unsigned", "char", "double"};
    static const char *const args[] = {"0", "1", "-1", "7", "42"};
    fninfo f;
    gather(ctx, sites[k], &f);
    const char *param = ms_printf(ctx, "%s %s", types[ms_rand(ctx, 5)], ms_fresh_name(ctx, "p"));
    for (int i = 0; i < f.ndecls; i++)
        if (add_param(ctx, f.decls[i], param) != MS_MUTATED)
            return MS_ERROR;
    for (int i = 0; i < f.ncalls; i++) {
        const char *arg = args[ms_rand(ctx, 5)];
        unsigned close = f.calls[i]->end - 1;
        int rc = clang_Cursor_getNumArguments(f.calls[i]->cursor) > 0
                     ? ms_insert(ctx, close, ms_printf(ctx, ", %s", arg))
                     : ms_insert(ctx, close, arg);
        if (rc != MS_MUTATED)
            return MS_ERROR;
    }
    return MS_MUTATED;
}

MS_MUTATOR(add_function_parameter,
           "Append a parameter to a function and an argument to each of its calls.", 0);
