/*
 * add_const_qualifier - qualify a local variable that is never modified as
 * const.
 *
 *   before:  int n = a * 2; char *p = s;      after:  const int n = a * 2; char *const p = s;
 *
 * Sites: named block-scope variables with an initializer, declared alone
 * (one declarator) in a block, not in a for header, not arrays, not const
 * yet, whose every reference (none in a macro) is only read: never the left
 * operand of an assignment or compound assignment, never an operand of ++,
 * -- or &, never an asm operand, also through parentheses and '.' member
 * accesses (s.f = 1 modifies s), and never reaching an array member (which
 * decays). The address is never taken anywhere, so no pointer to non-const
 * can point to it. "const " goes before the name when the name follows a
 * '*' (it must qualify the pointer, not the pointee), else at the start of
 * the declaration. Files with typeof are skipped (a typeof(x) copy would
 * become const too).
 */
#include "mutsmith.h"

#include <ctype.h>
#include <string.h>

static int is_array(CXType t)
{
    return ms_classify(t) == MS_T_ARRAY;
}

/* Is the reference r only read? */
static int read_only(ms_ctx *ctx, const ms_node *r)
{
    const char *src = ms_source(ctx, NULL);
    const ms_node *cur = r, *p;
    if (r->in_macro)
        return 0;
    for (;;) {
        if (is_array(clang_getCursorType(cur->cursor)))
            return 0;
        p = ms_parent(ctx, cur);
        if (!p)
            return 0;
        if (p->kind == CXCursor_ParenExpr || p->kind == CXCursor_UnexposedExpr) {
            cur = p;
            continue;
        }
        if (p->kind == CXCursor_MemberRefExpr && ms_child(ctx, p, 0) == cur) {
            unsigned i = cur->end;
            while (i < p->end && isspace((unsigned char)src[i]))
                i++;
            if (i < p->end && src[i] == '.') {
                cur = p;
                continue;
            }
        }
        break;
    }
    if (p->in_macro)
        return 0;
    ms_op op;
    switch (p->kind) {
    case CXCursor_BinaryOperator:
        if (ms_child(ctx, p, 0) != cur)
            return 1;
        if (ms_operator(ctx, p, &op))
            return 0;
        return strcmp(op.spelling, "=") != 0;
    case CXCursor_CompoundAssignOperator:
        return ms_child(ctx, p, 0) != cur;
    case CXCursor_UnaryOperator:
        if (ms_operator(ctx, p, &op))
            return 0;
        return strcmp(op.spelling, "++") && strcmp(op.spelling, "--") && strcmp(op.spelling, "&");
    case CXCursor_AsmStmt:
    case CXCursor_UnexposedStmt:
        return 0;
    default:
        return 1;
    }
}

/* Offset where "const " goes, or 0. */
static unsigned where(ms_ctx *ctx, const ms_node *n)
{
    const ms_node *d = ms_parent(ctx, n);
    const char *src = ms_source(ctx, NULL);
    unsigned off = ms_name_offset(ctx, n), i;
    if (!off || !d)
        return 0;
    i = off;
    while (i > d->begin && isspace((unsigned char)src[i - 1]))
        i--;
    if (i <= d->begin)
        return 0;
    if (src[i - 1] == '*')
        return off;
    if (!isalnum((unsigned char)src[i - 1]) && src[i - 1] != '_')
        return 0;
    return d->begin;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    const ms_node *d = ms_parent(ctx, n), **refs;
    if (n->kind != CXCursor_VarDecl || !d || d->kind != CXCursor_DeclStmt || d->nchildren != 1 ||
        ms_stmt_position(ctx, d) != MS_POS_BLOCK || !ms_editable(ctx, d) ||
        !ms_stmt_is_whole(ctx, d))
        return 0;
    CXType t = clang_getCursorType(n->cursor);
    ms_tclass c = ms_classify(t);
    if (c == MS_T_ARRAY || c == MS_T_OTHER || c == MS_T_VOID || c == MS_T_FUNCTION ||
        clang_isConstQualifiedType(t) || clang_isConstQualifiedType(clang_getCanonicalType(t)) ||
        clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(n->cursor)) ||
        clang_Cursor_getStorageClass(n->cursor) == CX_SC_Extern)
        return 0;
    char *head = ms_text_range(ctx, d->begin, ms_name_offset(ctx, n));
    if (strstr(head, "const") || strstr(head, "auto_type") || strstr(head, "va_list"))
        return 0;
    if (!where(ctx, n) || ms_address_taken(ctx, n->cursor))
        return 0;
    int nr = ms_references_to(ctx, n->cursor, &refs);
    for (int i = 0; i < nr; i++)
        if (refs[i]->kind != CXCursor_DeclRefExpr || !read_only(ctx, refs[i]))
            return 0;
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    if (strstr(ms_source(ctx, NULL), "typeof"))
        return MS_SKIP;
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    unsigned at = where(ctx, sites[k]);
    if (!at)
        return MS_ERROR;
    return ms_insert(ctx, at, "const ");
}

MS_MUTATOR(add_const_qualifier,
           "Qualify an initialized local variable that is never assigned, incremented or "
           "address-taken as const.",
           0);
