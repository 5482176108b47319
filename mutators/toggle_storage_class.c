/*
 * toggle_storage_class - add or remove `static` / `register` on a local
 * declaration.
 *
 *   before:  int n = 3;      after:  static int n = 3;
 *   before:  static int k;   after:  int k;
 *
 * Sites: block-scope declarations of variables only. `static` is added when
 * every initialiser is a constant expression (literals, enumerators, sizeof,
 * arithmetic), every type is spellable (no VLA) and it is not a for-init;
 * it is removed from non-arrays whose address is never taken (no address
 * constants). `register` is added to scalars whose address is never taken
 * and may always be removed.
 */
#include "mutsmith.h"

#include <string.h>

enum { ADD_STATIC = 1, DEL_STATIC = 2, ADD_REGISTER = 4, DEL_REGISTER = 8 };

/* Is the expression subtree at n an obvious constant expression? */
static int constant(ms_ctx *ctx, const ms_node *n)
{
    enum CXCursorKind k = n->kind;
    ms_op op;
    if (k == CXCursor_IntegerLiteral || k == CXCursor_FloatingLiteral ||
        k == CXCursor_CharacterLiteral || k == CXCursor_StringLiteral || k == CXCursor_TypeRef)
        return 1;
    if (k == CXCursor_UnaryExpr) /* sizeof, _Alignof: not of a VLA (unspellable) */
        return !n->nchildren ||
               ms_declarator(ctx, clang_getCursorType(ms_child(ctx, n, 0)->cursor), "x");
    if (k == CXCursor_DeclRefExpr)
        return clang_getCursorReferenced(n->cursor).kind == CXCursor_EnumConstantDecl;
    if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator) {
        if (ms_operator(ctx, n, &op) || strcmp(op.spelling, ",") == 0 ||
            strcmp(op.spelling, "=") == 0 ||
            (k == CXCursor_UnaryOperator && (op.spelling[1] || !strchr("-+~!", op.spelling[0]))))
            return 0;
    } else if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
               k != CXCursor_CStyleCastExpr && k != CXCursor_InitListExpr &&
               k != CXCursor_ConditionalOperator) {
        return 0;
    }
    for (int i = 0; i < n->nchildren; i++)
        if (!constant(ctx, ms_child(ctx, n, i)))
            return 0;
    return 1;
}

/* The operations that apply to declaration statement d, as a bit mask. */
static unsigned ops_for(ms_ctx *ctx, const ms_node *d)
{
    const ms_node *p = ms_parent(ctx, d);
    if (d->kind != CXCursor_DeclStmt || !p || d->nchildren == 0)
        return 0;
    unsigned ok = p->kind == CXCursor_ForStmt ? 14 : 15;
    for (int i = 0; i < d->nchildren; i++) {
        const ms_node *v = ms_child(ctx, d, i), *init;
        if (v->kind != CXCursor_VarDecl)
            return 0;
        enum CX_StorageClass sc = clang_Cursor_getStorageClass(v->cursor);
        CXType ty = clang_getCursorType(v->cursor);
        int addr = ms_address_taken(ctx, v->cursor);
        if (sc != CX_SC_None || !ms_declarator(ctx, ty, "x")) /* e.g. a VLA */
            ok &= ~(unsigned)(ADD_STATIC | (sc != CX_SC_None ? ADD_REGISTER : 0));
        if (sc != CX_SC_Static || addr || ms_classify(ty) == MS_T_ARRAY)
            ok &= ~(unsigned)DEL_STATIC;
        if (sc != CX_SC_Register)
            ok &= ~(unsigned)DEL_REGISTER;
        if (!ms_is_scalar(ty) || addr)
            ok &= ~(unsigned)ADD_REGISTER;
        if (!clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(v->cursor)) &&
            (!(init = ms_child(ctx, v, v->nchildren - 1)) || !constant(ctx, init)))
            ok &= ~(unsigned)ADD_STATIC;
    }
    return ok;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_DeclStmt && ops_for(ctx, n) != 0;
}

/* Remove keyword word (and the blanks after it) from the specifiers of d. */
static int remove_word(ms_ctx *ctx, const ms_node *d, const char *word)
{
    const char *src = ms_source(ctx, NULL);
    for (unsigned i = d->begin, len; i < ms_child(ctx, d, 0)->end; i += len + 1) {
        i += (unsigned)strspn(src + i, " \t\r\n");
        len = (unsigned)strcspn(src + i, " \t\r\n");
        if (len == strlen(word) && memcmp(src + i, word, len) == 0)
            return ms_remove(ctx, i, i + len + (unsigned)strspn(src + i + len, " \t"));
    }
    return MS_SKIP;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned ops = ops_for(ctx, sites[k]), op;
    do
        op = 1u << ms_rand(ctx, 4);
    while (!(ops & op));
    if (op == ADD_STATIC || op == ADD_REGISTER)
        return ms_insert(ctx, sites[k]->begin, op == ADD_STATIC ? "static " : "register ");
    return remove_word(ctx, sites[k], op == DEL_STATIC ? "static" : "register");
}

MS_MUTATOR(toggle_storage_class, "Add or remove static or register on a local declaration.", 0);
