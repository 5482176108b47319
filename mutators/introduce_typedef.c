/*
 * introduce_typedef - spell the type of a declaration through a new typedef.
 *
 *   before:  static unsigned long *tab[4];
 *   after:   typedef unsigned long *td_0[4];
 *            static td_0 tab;
 *
 * Sites: single-declarator variables, parameters and non-bit-fields. The
 * typedef goes before the enclosing top-level declaration, so the names its
 * type uses must be visible there: typedefs and enums declared earlier at
 * file scope or in a header, file-scope structs (a typedef may name an
 * incomplete one). Storage classes are kept; declarations with attributes,
 * typeof or a struct definition are left alone.
 */
#include "mutsmith.h"

#include <string.h>

static unsigned offset_of(CXCursor c)
{
    unsigned off = 0;
    clang_getExpansionLocation(clang_getCursorLocation(c), NULL, NULL, NULL, &off);
    return off;
}

/* Can type t be named at file scope before offset limit? */
static int visible(CXType t, unsigned limit)
{
    switch (t.kind) {
    case CXType_Pointer:
        return visible(clang_getPointeeType(t), limit);
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
        return visible(clang_getArrayElementType(t), limit);
    case CXType_Elaborated:
        return visible(clang_Type_getNamedType(t), limit);
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: /* no argument types: -1 */
        for (int i = 0; i < clang_getNumArgTypes(t); i++)
            if (!visible(clang_getArgType(t, (unsigned)i), limit))
                return 0;
        return visible(clang_getResultType(t), limit);
    case CXType_Typedef:
    case CXType_Record:
    case CXType_Enum: {
        CXCursor d = clang_getTypeDeclaration(t);
        if (clang_getCursorSemanticParent(d).kind != CXCursor_TranslationUnit)
            return 0;
        if (t.kind == CXType_Record || !clang_Location_isFromMainFile(clang_getCursorLocation(d)))
            return 1;
        return offset_of(d) < limit;
    }
    default:
        return t.kind >= CXType_FirstBuiltin && t.kind <= CXType_LastBuiltin;
    }
}

/* End of n's declarator: the '=' before its initialiser, else n's end. */
static unsigned declarator_end(ms_ctx *ctx, const ms_node *n)
{
    const char *src = ms_source(ctx, NULL);
    if (n->kind != CXCursor_VarDecl ||
        clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(n->cursor)))
        return n->end;
    const ms_node *init = ms_child(ctx, n, n->nchildren - 1);
    if (!init || init->end != n->end)
        return 0;
    unsigned i = init->begin;
    while (i > n->begin && src[i - 1] != '=')
        i--;
    return i > n->begin ? i - 1 : 0;
}

/* Where the enclosing top-level declaration starts. A struct defined in
 * "typedef struct S {...} T;" is a top-level node of its own, inside the
 * next one (the typedef or variable declaration): then take that one. */
static const ms_node *toplevel(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *t = ms_enclosing_toplevel(ctx, n), *x = t;
    if (t->kind == CXCursor_StructDecl || t->kind == CXCursor_UnionDecl) {
        while ((x = ms_node_at(ctx, ms_node_index(ctx, x) + 1)) != NULL && x->parent >= 0)
            ;
        if (x && x->begin < t->begin && x->end >= t->end)
            return x;
    }
    return t;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *p = ms_parent(ctx, n), *up = ms_parent(ctx, p);
    if ((n->kind != CXCursor_VarDecl && n->kind != CXCursor_ParmDecl &&
         n->kind != CXCursor_FieldDecl) ||
        clang_Cursor_isBitField(n->cursor))
        return 0;
    /* libclang shows a record defined in a typedef or variable declaration
     * twice: as a node of its own and inside that declaration */
    if (n->kind == CXCursor_FieldDecl && up &&
        (up->kind == CXCursor_TypedefDecl || up->kind == CXCursor_VarDecl ||
         up->kind == CXCursor_FieldDecl))
        return 0;
    const char *name = ms_spelling(ctx, n->cursor), *src = ms_source(ctx, NULL);
    unsigned off = offset_of(n->cursor), end = declarator_end(ctx, n);
    if (!*name || off <= n->begin || off + strlen(name) > end)
        return 0;
    /* a single declarator: alone in its statement, or followed by ';' */
    if (p && p->kind == CXCursor_DeclStmt
            ? p->nchildren != 1
            : n->kind != CXCursor_ParmDecl && src[n->end + strspn(src + n->end, " \t\r\n")] != ';')
        return 0;
    const char *text = ms_text_range(ctx, n->begin, end);
    static const char *const bad[] = {"{",           "#",          "typeof", "auto_type",
                                      "__attribute", "lignas",     "thread", "__extension__",
                                      "_Atomic",     "__declspec", ","};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (strstr(text, bad[i]))
            return 0;
    CXType t = clang_getCursorType(n->cursor);
    return ms_declarator(ctx, t, "x") != NULL && !toplevel(ctx, n)->in_macro &&
           visible(t, toplevel(ctx, n)->begin);
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k];
    const char *td = ms_fresh_name(ctx, "td");
    char *decl = ms_declarator(ctx, clang_getCursorType(s->cursor), td);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(s->cursor);
    const char *st = sc == CX_SC_Static     ? "static "
                     : sc == CX_SC_Extern   ? "extern "
                     : sc == CX_SC_Register ? "register "
                                            : "";
    if (ms_insert(ctx, toplevel(ctx, s)->begin, ms_printf(ctx, "typedef %s;\n", decl)) !=
        MS_MUTATED)
        return MS_ERROR;
    unsigned end = declarator_end(ctx, s);
    return ms_replace(
        ctx, s->begin, end,
        ms_printf(ctx, "%s%s %s%s", st, td, ms_spelling(ctx, s->cursor), end < s->end ? " " : ""));
}

MS_MUTATOR(introduce_typedef, "Spell the type of a declaration through a new file-scope typedef.",
           0);
