/*
 * convert_update_to_atomic_builtin - turn an integer update whose value is
 * unused into a GNU __atomic builtin call.
 *
 *   before:  count++;            after:  __atomic_fetch_add(&(count), 1, __ATOMIC_SEQ_CST);
 *   before:  flags |= m << 2;    after:  __atomic_or_fetch(&(flags), (m << 2), __ATOMIC_RELAXED);
 *
 * Sites: x++, ++x, x--, --x, x += e, x -= e, x &= e, x |= e, x ^= e that
 * form a whole expression statement (in a block or as an if/loop/label
 * body, never the value of a statement expression) or the increment part
 * of a for header, so the value is never used. x must be a non-_Bool,
 * non-atomic integer of at most 8 bytes (the builtins accept integers and
 * pointers, and ++ on a pointer scales by the pointee size) and an
 * addressable lvalue: a non-register variable, a non-bit-field member of an
 * addressable record or reached through ->, an array element (not of a
 * vector) or *p. e must be an integer or enum expression. Volatile objects
 * are fine: the builtins take volatile pointers.
 */
#include "mutsmith.h"

#include <string.h>

static const ms_node *core(ms_ctx *ctx, const ms_node *n)
{
    while (n && (n->kind == CXCursor_ParenExpr || n->kind == CXCursor_UnexposedExpr) &&
           n->nchildren == 1) {
        const ms_node *c = ms_child(ctx, n, 0);
        if (!c || (n->kind == CXCursor_UnexposedExpr && (c->begin != n->begin || c->end != n->end)))
            break;
        n = c;
    }
    return n;
}

static int addressable(ms_ctx *ctx, const ms_node *n, int depth)
{
    n = core(ctx, n);
    if (!n || depth > 32 || n->in_macro)
        return 0;
    const char *src = ms_source(ctx, NULL);
    switch (n->kind) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(n->cursor);
        enum CXCursorKind k = clang_getCursorKind(d);
        if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
            return 0;
        return clang_Cursor_getStorageClass(d) != CX_SC_Register;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor d = clang_getCursorReferenced(n->cursor);
        if (clang_getCursorKind(d) != CXCursor_FieldDecl || clang_Cursor_isBitField(d))
            return 0;
        const ms_node *base = ms_child(ctx, n, 0);
        if (!base || base->end > n->end)
            return 0;
        unsigned i = base->end;
        while (i < n->end && strchr(" \t\r\n)", src[i]))
            i++;
        if (i + 1 < n->end && src[i] == '-' && src[i + 1] == '>')
            return 1;
        return i < n->end && src[i] == '.' && addressable(ctx, base, depth + 1);
    }
    case CXCursor_ArraySubscriptExpr: {
        const ms_node *base = ms_child(ctx, n, 0);
        if (!base)
            return 0;
        enum CXTypeKind bk = clang_getCanonicalType(clang_getCursorType(base->cursor)).kind;
        return bk == CXType_Pointer || bk == CXType_ConstantArray ||
               bk == CXType_IncompleteArray || bk == CXType_VariableArray;
    }
    case CXCursor_UnaryOperator:
        return src[n->begin] == '*';
    default:
        return 0;
    }
}

static int int_kind(enum CXTypeKind k)
{
    return k == CXType_Char_U || k == CXType_UChar || k == CXType_UShort || k == CXType_UInt ||
           k == CXType_ULong || k == CXType_ULongLong || k == CXType_Char_S ||
           k == CXType_SChar || k == CXType_Short || k == CXType_Int || k == CXType_Long ||
           k == CXType_LongLong || k == CXType_WChar || k == CXType_Char16 ||
           k == CXType_Char32;
}

/* Is n the increment expression of the for statement p? */
static int is_for_increment(ms_ctx *ctx, const ms_node *p, const ms_node *n)
{
    unsigned lp, rp, semi[2];
    if (p->kind != CXCursor_ForStmt || ms_paren_range(ctx, p, &lp, &rp) != 0 ||
        ms_top_level_chars(ctx, lp + 1, rp, ';', semi, 2) != 2)
        return 0;
    return n->begin > semi[1] && n->end <= rp;
}

/* The builtin operation name for operator spelling s, or NULL. */
static const char *op_name(const char *s)
{
    static const char *const tab[][2] = {{"++", "add"}, {"--", "sub"}, {"+=", "add"},
                                         {"-=", "sub"}, {"&=", "and"}, {"|=", "or"},
                                         {"^=", "xor"}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (!strcmp(s, tab[i][0]))
            return tab[i][1];
    return NULL;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    if ((n->kind != CXCursor_UnaryOperator && n->kind != CXCursor_CompoundAssignOperator) ||
        n->nchildren != (n->kind == CXCursor_UnaryOperator ? 1 : 2))
        return 0;
    const ms_node *p = ms_parent(ctx, n);
    if (!p)
        return 0;
    if (ms_stmt_position(ctx, n) != MS_POS_NONE) {
        if (!ms_stmt_is_whole(ctx, n))
            return 0;
    } else if (!is_for_increment(ctx, p, n)) {
        return 0;
    }
    ms_op op;
    if (ms_operator(ctx, n, &op) != 0 || !op_name(op.spelling))
        return 0;
    const ms_node *x = ms_child(ctx, n, 0);
    if (!x)
        return 0;
    CXType t = clang_getCanonicalType(clang_getCursorType(x->cursor));
    long long size = clang_Type_getSizeOf(t);
    if (!int_kind(t.kind) || size <= 0 || size > 8 || !addressable(ctx, x, 0))
        return 0;
    if (n->kind == CXCursor_CompoundAssignOperator) {
        const ms_node *e = ms_child(ctx, n, 1);
        CXType te = clang_getCanonicalType(clang_getCursorType(core(ctx, e)->cursor));
        if (!int_kind(te.kind) && te.kind != CXType_Enum && te.kind != CXType_Bool)
            return 0;
    }
    return 1;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *s = sites[k], *x = ms_child(ctx, s, 0);
    ms_op op;
    if (ms_operator(ctx, s, &op) != 0 || !op_name(op.spelling))
        return MS_ERROR;
    const char *val = s->kind == CXCursor_UnaryOperator
                          ? "1"
                          : ms_printf(ctx, "(%s)", ms_text(ctx, ms_child(ctx, s, 1)));
    static const char *const orders[] = {"__ATOMIC_SEQ_CST", "__ATOMIC_RELAXED",
                                         "__ATOMIC_ACQ_REL", "__ATOMIC_ACQUIRE",
                                         "__ATOMIC_RELEASE"};
    const char *order = orders[ms_rand(ctx, 5)];
    const char *name = ms_chance(ctx, 1, 2) ? ms_printf(ctx, "__atomic_fetch_%s", op_name(op.spelling))
                                            : ms_printf(ctx, "__atomic_%s_fetch", op_name(op.spelling));
    return ms_replace_node(
        ctx, s, ms_printf(ctx, "%s(&(%s), %s, %s)", name, ms_text(ctx, x), val, order));
}

MS_MUTATOR(convert_update_to_atomic_builtin,
           "Replace an integer update statement such as x++; or x |= e; whose value is unused by "
           "the GNU builtin __atomic_fetch_add/sub/and/or/xor or __atomic_add_fetch style call on "
           "&x with a random memory order.",
           0);
