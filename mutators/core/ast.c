/*
 * ast.c - what a mutator asks about the flattened AST: node navigation,
 * collecting sites, source text, identifiers, operators of binary / unary /
 * compound-assignment expressions, and the enclosing function, compound
 * statement and statement of a node.
 */
#include "internal.h"

#include <stdlib.h>

#include <string.h>

int ms_node_count(const ms_ctx *ctx)
{
    return ctx->u->nnodes;
}

const ms_node *ms_node_at(const ms_ctx *ctx, int index)
{
    if (index < 0 || index >= ctx->u->nnodes)
        return NULL;
    return &ctx->u->nodes[index];
}

int ms_node_index(const ms_ctx *ctx, const ms_node *n)
{
    if (!n)
        return -1;
    return (int)(n - ctx->u->nodes);
}

const ms_node *ms_parent(const ms_ctx *ctx, const ms_node *n)
{
    return n ? ms_node_at(ctx, n->parent) : NULL;
}

const ms_node *ms_child(const ms_ctx *ctx, const ms_node *n, int i)
{
    if (!n || i < 0)
        return NULL;
    int c = n->first_child;
    while (c >= 0 && i-- > 0)
        c = ctx->u->nodes[c].next_sibling;
    return ms_node_at(ctx, c);
}

int ms_subtree_end(const ms_ctx *ctx, const ms_node *n)
{
    int i = ms_node_index(ctx, n) + 1;
    while (i < ctx->u->nnodes && ctx->u->nodes[i].depth > n->depth)
        i++;
    return i;
}

int ms_subtree_has(const ms_ctx *ctx, const ms_node *n, enum CXCursorKind kind)
{
    int end = ms_subtree_end(ctx, n);
    for (int i = ms_node_index(ctx, n); i < end; i++)
        if (ctx->u->nodes[i].kind == kind)
            return 1;
    return 0;
}

struct ms_hashidx {
    unsigned hash;
    int node;
};

static int by_hash(const void *a, const void *b)
{
    const struct ms_hashidx *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Built on the first ms_find of a unit and kept with it: a lookup is a
 * binary search, not a walk over every node. */
static struct ms_hashidx *hash_index(ms_unit *u)
{
    if (!u->by_hash && u->nnodes > 0 &&
        (u->by_hash = malloc((size_t)u->nnodes * sizeof *u->by_hash)) != NULL) {
        for (int i = 0; i < u->nnodes; i++) {
            u->by_hash[i].hash = clang_hashCursor(u->nodes[i].cursor);
            u->by_hash[i].node = i;
        }
        qsort(u->by_hash, (size_t)u->nnodes, sizeof *u->by_hash, by_hash);
    }
    return u->by_hash;
}

const ms_node *ms_find(const ms_ctx *ctx, CXCursor c)
{
    if (clang_Cursor_isNull(c))
        return NULL;
    ms_unit *u = ctx->u;
    const struct ms_hashidx *idx = hash_index(u);
    if (!idx) { /* out of memory: the slow way */
        for (int i = 0; i < u->nnodes; i++)
            if (clang_equalCursors(u->nodes[i].cursor, c))
                return &u->nodes[i];
        return NULL;
    }
    unsigned h = clang_hashCursor(c);
    int lo = 0, hi = u->nnodes;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (idx[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < u->nnodes && idx[lo].hash == h; lo++) /* the first in pre-order wins */
        if (clang_equalCursors(u->nodes[idx[lo].node].cursor, c))
            return &u->nodes[idx[lo].node];
    return NULL;
}

int ms_editable(const ms_ctx *ctx, const ms_node *n)
{
    return n && !n->in_macro && n->end > n->begin && n->end <= ctx->u->len;
}

int ms_collect(ms_ctx *ctx, ms_filter keep, void *user, const ms_node ***out)
{
    const ms_node **v = NULL;
    int count = 0;
    for (int i = 0; i < ctx->u->nnodes; i++) {
        const ms_node *n = &ctx->u->nodes[i];
        if (!ms_editable(ctx, n))
            continue;
        if (keep && !keep(ctx, n, user))
            continue;
        ms_vec_push(ctx, &v, &count, &n, sizeof n);
    }
    *out = v;
    return count;
}

static int keep_kind(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)ctx;
    return n->kind == *(enum CXCursorKind *)user;
}

int ms_collect_kind(ms_ctx *ctx, enum CXCursorKind kind, const ms_node ***out)
{
    return ms_collect(ctx, keep_kind, &kind, out);
}

/* ---- text ---- */
const char *ms_source(const ms_ctx *ctx, size_t *len)
{
    if (len)
        *len = ctx->u->len;
    return ctx->u->src;
}

char *ms_text_range(ms_ctx *ctx, unsigned begin, unsigned end)
{
    if (end > ctx->u->len)
        end = (unsigned)ctx->u->len;
    if (begin > end)
        begin = end;
    char *p = ms_alloc(ctx, (size_t)(end - begin) + 1);
    memcpy(p, ctx->u->src + begin, end - begin);
    return p;
}

char *ms_text(ms_ctx *ctx, const ms_node *n)
{
    return ms_text_range(ctx, n->begin, n->end);
}

char *ms_spelling(ms_ctx *ctx, CXCursor c)
{
    CXString s = clang_getCursorSpelling(c);
    const char *cs = clang_getCString(s);
    char *p = ms_strdup(ctx, cs ? cs : "");
    clang_disposeString(s);
    return p;
}

static int name_taken(ms_ctx *ctx, const char *name)
{
    size_t n = strlen(name);
    const char *hit = ctx->u->src;
    while ((hit = strstr(hit, name)) != NULL) {
        char after = hit[n];
        if (!(after == '_' || (after >= '0' && after <= '9') || (after >= 'a' && after <= 'z') ||
              (after >= 'A' && after <= 'Z')))
            return 1;
        hit++;
    }
    for (int i = 0; i < ctx->nfresh; i++)
        if (strcmp(ctx->fresh[i], name) == 0)
            return 1;
    return 0;
}

const char *ms_fresh_name(ms_ctx *ctx, const char *prefix)
{
    for (;;) {
        const char *name = ms_printf(ctx, "%s_%d", prefix, ctx->fresh_counter++);
        if (!name_taken(ctx, name)) {
            ms_vec_push(ctx, &ctx->fresh, &ctx->nfresh, &name, sizeof name);
            return name;
        }
    }
}

/* ---- operators ---- */
static int is_op_kind(enum CXCursorKind k)
{
    return k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator ||
           k == CXCursor_UnaryOperator;
}

int ms_operator(ms_ctx *ctx, const ms_node *n, ms_op *op)
{
    memset(op, 0, sizeof *op);
    if (!n || !is_op_kind(n->kind) || n->in_macro || n->nchildren < 1)
        return -1;
    CXTranslationUnit tu = ctx->u->tu;
    CXToken *toks = NULL;
    unsigned ntok = 0;
    const ms_node *first = ms_child(ctx, n, 0), *second = ms_child(ctx, n, 1);
    /* Tokenize only where the operator can be: between the operands of a
     * binary operator, before the operand of a prefix one, so that nested
     * operators cost no more than flat ones (the whole extent would make
     * deep expressions quadratic). Postfix: the extent's last token. */
    CXSourceRange range = clang_getCursorExtent(n->cursor);
    CXFile file = clang_getFile(tu, ctx->u->filename);
    unsigned from = 0, to = 0;
    if (n->kind != CXCursor_UnaryOperator && second && !first->in_macro && !second->in_macro &&
        first->end <= second->begin)
        from = first->end, to = second->begin;
    else if (n->kind == CXCursor_UnaryOperator && !first->in_macro && first->begin > n->begin)
        from = n->begin, to = first->begin; /* prefix: its first token */
    if (file && to > from)
        range = clang_getRange(clang_getLocationForOffset(tu, file, from),
                               clang_getLocationForOffset(tu, file, to));
    clang_tokenize(tu, range, &toks, &ntok);
    if (!toks)
        return -1;
    int found = -1;
    int postfix = 0;
    if (n->kind == CXCursor_UnaryOperator) {
        /* prefix when the operand starts after the node, else postfix */
        if (first->begin > n->begin) {
            found = 0;
        } else if (ntok > 0) {
            found = (int)ntok - 1;
            postfix = 1;
        }
    } else {
        for (unsigned i = 0; i < ntok; i++) {
            if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
                continue;
            unsigned off = 0;
            clang_getExpansionLocation(clang_getTokenLocation(tu, toks[i]), NULL, NULL, NULL, &off);
            if (off >= first->end) {
                found = (int)i;
                break;
            }
        }
    }
    int rc = -1;
    if (found >= 0 && (unsigned)found < ntok &&
        clang_getTokenKind(toks[found]) == CXToken_Punctuation) {
        CXString s = clang_getTokenSpelling(tu, toks[found]);
        const char *cs = clang_getCString(s);
        unsigned off = 0;
        clang_getExpansionLocation(clang_getTokenLocation(tu, toks[found]), NULL, NULL, NULL, &off);
        if (cs && *cs && off + strlen(cs) <= ctx->u->len &&
            memcmp(ctx->u->src + off, cs, strlen(cs)) == 0) {
            op->spelling = ms_strdup(ctx, cs);
            op->begin = off;
            op->end = off + (unsigned)strlen(cs);
            op->postfix = postfix;
            rc = 0;
        }
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, toks, ntok);
#if CINDEX_VERSION_MINOR >= 64
    /* libclang 17+: cross-check the token against the AST's operator kind */
    if (rc == 0 && n->kind != CXCursor_UnaryOperator) {
        CXString ks = clang_getBinaryOperatorKindSpelling(
            clang_getCursorBinaryOperatorKind(n->cursor));
        const char *k = clang_getCString(ks);
        if (k && strcmp(k, op->spelling) != 0)
            rc = -1;
        clang_disposeString(ks);
    }
#endif
    return rc;
}

/* ---- structure ---- */
const ms_node *ms_enclosing_function(const ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *p = n; p; p = ms_parent(ctx, p))
        if (p->kind == CXCursor_FunctionDecl && ms_function_body(ctx, p))
            return p;
    return NULL;
}

const ms_node *ms_enclosing_compound(const ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p))
        if (p->kind == CXCursor_CompoundStmt)
            return p;
    return NULL;
}

const ms_node *ms_enclosing_toplevel(const ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = n;
    while (p && p->parent >= 0)
        p = ms_parent(ctx, p);
    return p;
}

const ms_node *ms_enclosing_statement(const ms_ctx *ctx, const ms_node *n)
{
    for (const ms_node *p = n; p; p = ms_parent(ctx, p)) {
        const ms_node *q = ms_parent(ctx, p);
        if (q && q->kind == CXCursor_CompoundStmt)
            return p;
    }
    return NULL;
}

const ms_node *ms_function_body(const ms_ctx *ctx, const ms_node *fn)
{
    if (!fn)
        return NULL;
    for (int i = 0; i < fn->nchildren; i++) {
        const ms_node *c = ms_child(ctx, fn, i);
        if (c && c->kind == CXCursor_CompoundStmt)
            return c;
    }
    return NULL;
}

int ms_is_statement(const ms_node *n)
{
    return n && (clang_isStatement(n->kind) || n->kind == CXCursor_DeclStmt);
}

static unsigned skip_space(const char *s, size_t len, unsigned i)
{
    while (i < len) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
            s[i] == '\v') {
            i++;
        } else if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            i += 2;
        } else if (s[i] == '/' && i + 1 < len && s[i + 1] == '/') {
            while (i < len && s[i] != '\n')
                i++;
        } else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
            const char *e = strstr(s + i + 2, "*/");
            i = e ? (unsigned)(e - s) + 2 : (unsigned)len;
        } else {
            break;
        }
    }
    return i;
}

unsigned ms_skip_semicolon(const char *src, size_t len, unsigned off)
{
    unsigned i = skip_space(src, len, off);
    return (i < len && src[i] == ';') ? i + 1 : off;
}

unsigned ms_stmt_end(const ms_ctx *ctx, const ms_node *n)
{
    if (n->end > 0 && ctx->u->src[n->end - 1] == ';')
        return n->end;
    switch (n->kind) {
    case CXCursor_CompoundStmt:
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: {
        /* these end with their last sub-statement, which may need a ';' */
        const ms_node *last = ms_child(ctx, n, n->nchildren - 1);
        if (n->kind == CXCursor_CompoundStmt || !last || last->end != n->end)
            return n->end;
        return ms_stmt_end(ctx, last);
    }
    default:
        return ms_skip_semicolon(ctx->u->src, ctx->u->len, n->end);
    }
}
