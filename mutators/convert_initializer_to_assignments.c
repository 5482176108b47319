/*
 * convert_initializer_to_assignments - split the brace initialiser of a
 * local struct into a zero initialiser and member assignments.
 *
 *   before:  struct P p = { 1, .z = f(), 3 };
 *   after:   struct P p = {0}; p.x = 1; p.z = f(); p.w = 3;
 *
 * Sites: a declaration statement directly in a block (not a for header,
 * not the value of a statement expression) declaring one struct variable
 * without storage class, not const or volatile, initialised by a brace list
 * whose elements are positional or single .field designators, none of them
 * a nested brace list. Every field an element initialises must be a named,
 * non-const, non-bit-field scalar, so no brace elision is involved and the
 * element's position maps to exactly one field (the fields come from
 * clang_Type_visitFields, in declaration order; a positional element after
 * .f continues with the field after f). {0} zeroes every field an element
 * does not name, as the brace list did, and the assignments run in the
 * list's order right after the declaration, where the name refers to the
 * new variable; an assignment accepts whatever an initialiser of a scalar
 * accepts.
 */
#include "mutsmith.h"

#include <string.h>

#define MAXF 256

typedef struct fields {
    CXCursor f[MAXF];
    int n, overflow;
} fields;

static enum CXVisitorResult add_field(CXCursor c, CXClientData d)
{
    fields *fs = d;
    if (fs->n >= MAXF) {
        fs->overflow = 1;
        return CXVisit_Break;
    }
    fs->f[fs->n++] = c;
    return CXVisit_Continue;
}

/* Can field i take a plain assignment? */
static int assignable(ms_ctx *ctx, const fields *fs, int i)
{
    if (i < 0 || i >= fs->n)
        return 0;
    CXCursor f = fs->f[i];
    CXType t = clang_getCursorType(f);
    const char *name = ms_spelling(ctx, f);
    if (!name[0] || clang_Cursor_isBitField(f) || clang_Cursor_isAnonymous(f) ||
        clang_isConstQualifiedType(t) ||
        clang_isConstQualifiedType(clang_getCanonicalType(t)))
        return 0;
    ms_tclass k = ms_classify(t);
    return k == MS_T_INT || k == MS_T_FLOAT || k == MS_T_ENUM || k == MS_T_POINTER ||
           k == MS_T_FUNCPTR;
}

/* Maps element e of the list to a field index and its value node; -1 if unsupported. */
static int element(ms_ctx *ctx, const fields *fs, const ms_node *e, int next,
                   const ms_node **value)
{
    const char *src = ms_source(ctx, NULL);
    if (!e || !ms_editable(ctx, e))
        return -1;
    if (src[e->begin] == '[' || src[e->begin] == '{' || e->kind == CXCursor_InitListExpr)
        return -1;
    if (src[e->begin] != '.') {
        *value = e;
        return next;
    }
    const ms_node *m = ms_child(ctx, e, 0), *v = ms_child(ctx, e, 1);
    if (e->nchildren != 2 || !m || !v || m->kind != CXCursor_MemberRef)
        return -1;
    CXCursor f = clang_getCursorReferenced(m->cursor);
    for (int i = 0; i < fs->n; i++)
        if (clang_equalCursors(f, fs->f[i])) {
            *value = v;
            return i;
        }
    return -1;
}

/* Checks a site; fills fs and returns the initialiser list, or NULL. */
static const ms_node *site_list(ms_ctx *ctx, const ms_node *d, fields *fs)
{
    if (d->kind != CXCursor_DeclStmt || d->nchildren != 1 ||
        ms_stmt_position(ctx, d) != MS_POS_BLOCK || !ms_stmt_is_whole(ctx, d))
        return NULL;
    const ms_node *v = ms_child(ctx, d, 0);
    if (!v || v->kind != CXCursor_VarDecl || v->nchildren < 1 || !ms_editable(ctx, v) ||
        clang_Cursor_getStorageClass(v->cursor) != CX_SC_None)
        return NULL;
    CXType t = clang_getCursorType(v->cursor), c = clang_getCanonicalType(t);
    if (c.kind != CXType_Record || clang_isConstQualifiedType(t) ||
        clang_isVolatileQualifiedType(t) || clang_isConstQualifiedType(c) ||
        clang_isVolatileQualifiedType(c) ||
        clang_getCursorKind(clang_getTypeDeclaration(c)) != CXCursor_StructDecl)
        return NULL;
    const ms_node *list = ms_child(ctx, v, v->nchildren - 1);
    const char *src = ms_source(ctx, NULL);
    if (!list || list->kind != CXCursor_InitListExpr || list->end != v->end ||
        list->nchildren < 1 || src[list->begin] != '{' || src[list->end - 1] != '}')
        return NULL;
    const char *pre = ms_text_range(ctx, d->begin, list->begin);
    if (strstr(pre, "register") || strstr(pre, "auto_type"))
        return NULL;
    fs->n = fs->overflow = 0;
    clang_Type_visitFields(c, add_field, fs);
    if (fs->overflow || fs->n == 0)
        return NULL;
    int next = 0;
    for (int i = 0; i < list->nchildren; i++) {
        const ms_node *val = NULL;
        int f = element(ctx, fs, ms_child(ctx, list, i), next, &val);
        if (!assignable(ctx, fs, f) || !val || val->kind == CXCursor_InitListExpr ||
            src[val->begin] == '{')
            return NULL;
        next = f + 1;
    }
    return list;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    return n->kind == CXCursor_DeclStmt && site_list(ctx, n, user) != NULL;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    fields *fs = ms_alloc(ctx, sizeof *fs);
    int n = ms_collect(ctx, is_site, fs, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const ms_node *d = sites[k];
    const ms_node *list = site_list(ctx, d, fs);
    if (!list)
        return MS_ERROR;
    const char *name = ms_spelling(ctx, ms_child(ctx, d, 0)->cursor);
    char *stmts = ms_strdup(ctx, "");
    int next = 0;
    for (int i = 0; i < list->nchildren; i++) {
        const ms_node *val = NULL;
        int f = element(ctx, fs, ms_child(ctx, list, i), next, &val);
        if (f < 0 || !val)
            return MS_ERROR;
        stmts = ms_printf(ctx, "%s %s.%s = %s;", stmts, name, ms_spelling(ctx, fs->f[f]),
                          ms_text(ctx, val));
        next = f + 1;
    }
    if (ms_replace_node(ctx, list, "{0}") != MS_MUTATED)
        return MS_ERROR;
    return ms_insert(ctx, ms_stmt_end(ctx, d), stmts);
}

MS_MUTATOR(convert_initializer_to_assignments,
           "Turn the brace initialiser of a local struct variable into {0} followed by one "
           "member assignment per element right after the declaration.",
           0);
