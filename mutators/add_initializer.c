/*
 * add_initializer - give an uninitialised local variable an initialiser.
 *
 *   before:  int n; char *p; struct S s;      after:  int n = 1; ...
 *
 * Sites are block-scope automatic, register or static variables without an
 * initialiser. Scalars get a constant of their type (integers, floating
 * values, 0 for enums and pointers), complete arrays and structs get {0}.
 * Variable-length arrays cannot be initialised and are skipped.
 */
#include "mutsmith.h"

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if (n->kind != CXCursor_VarDecl)
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p || p->kind != CXCursor_DeclStmt)
        return 0;
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(n->cursor);
    if (sc != CX_SC_None && sc != CX_SC_Register && sc != CX_SC_Auto && sc != CX_SC_Static)
        return 0;
    if (!clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(n->cursor)))
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass c = ms_classify(t);
    if (c == MS_T_ARRAY)
        return clang_getCanonicalType(t).kind == CXType_ConstantArray;
    /* a complete struct or union (size known) */
    if (c == MS_T_RECORD)
        return clang_Type_getSizeOf(t) >= 0;
    return ms_is_scalar(t);
}

static const char *value_for(ms_ctx *ctx, CXType t)
{
    static const char *const ints[] = {"0", "1", "-1", "2", "7", "42", "127", "255", "0x7fff"};
    static const char *const flts[] = {"0.0", "0.5", "1.0", "-2.25", "3.0e10", "1e-30"};
    switch (ms_classify(t)) {
    case MS_T_INT:
        if (clang_getCanonicalType(t).kind == CXType_Bool)
            return ms_rand(ctx, 2) ? "1" : "0";
        return ints[ms_rand(ctx, sizeof ints / sizeof ints[0])];
    case MS_T_FLOAT:
        return flts[ms_rand(ctx, sizeof flts / sizeof flts[0])];
    case MS_T_ARRAY:
    case MS_T_RECORD:
        return "{0}";
    default:
        return "0"; /* enum, pointer, function pointer */
    }
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    CXType t = clang_getCursorType(sites[k]->cursor);
    return ms_insert(ctx, sites[k]->end, ms_printf(ctx, " = %s", value_for(ctx, t)));
}

MS_MUTATOR(add_initializer, "Give an uninitialised local variable an initialiser of its type.", 0);
