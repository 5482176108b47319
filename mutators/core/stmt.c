/*
 * stmt.c - questions mutators ask about statements: which ones can be copied
 * or moved whole, where a statement sits (in a block, as the body of another
 * statement, in a GNU statement expression), whether its text ends with its
 * own ';' or '}', what a break, continue or case label belongs to, and where
 * the parenthesised header of an if/while/for/switch/do-while and the
 * top-level separators in a range of source text are.
 */
#include "internal.h"

#include <string.h>

int ms_is_plain_statement(const ms_node *n)
{
    switch (n ? n->kind : CXCursor_NullStmt) {
    case CXCursor_DeclStmt:
    case CXCursor_NullStmt:
    case CXCursor_LabelStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        return 0;
    default:
        return clang_isStatement(n->kind) || clang_isExpression(n->kind);
    }
}

int ms_stmt_is_whole(const ms_ctx *ctx, const ms_node *n)
{
    unsigned e = ms_stmt_end(ctx, n);
    char c = e > n->begin ? ctx->u->src[e - 1] : 0;
    return c == ';' || c == '}';
}

int ms_in_stmt_expr(const ms_ctx *ctx, const ms_node *compound)
{
    const ms_node *p = ms_parent(ctx, compound);
    return compound && compound->kind == CXCursor_CompoundStmt && p &&
           p->kind == CXCursor_StmtExpr;
}

int ms_stmt_position(const ms_ctx *ctx, const ms_node *n)
{
    const ms_node *p = ms_parent(ctx, n);
    if (!p)
        return MS_POS_NONE;
    switch (p->kind) {
    case CXCursor_CompoundStmt:
        return ms_in_stmt_expr(ctx, p) ? MS_POS_NONE : MS_POS_BLOCK;
    case CXCursor_IfStmt: /* then or else, not the condition */
        return ms_child(ctx, p, 0) != n ? MS_POS_BODY : MS_POS_NONE;
    case CXCursor_DoStmt: /* body, cond */
        return ms_child(ctx, p, 0) == n ? MS_POS_BODY : MS_POS_NONE;
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
        return ms_child(ctx, p, p->nchildren - 1) == n ? MS_POS_BODY : MS_POS_NONE;
    default:
        return MS_POS_NONE;
    }
}

const ms_node *ms_jump_target(const ms_ctx *ctx, const ms_node *n)
{
    int brk = n && n->kind == CXCursor_BreakStmt;
    int label = n && (n->kind == CXCursor_CaseStmt || n->kind == CXCursor_DefaultStmt);
    if (!n || (!brk && !label && n->kind != CXCursor_ContinueStmt))
        return NULL;
    for (const ms_node *p = ms_parent(ctx, n); p; p = ms_parent(ctx, p)) {
        int loop = p->kind == CXCursor_ForStmt || p->kind == CXCursor_WhileStmt ||
                   p->kind == CXCursor_DoStmt;
        if ((loop && !label) || (p->kind == CXCursor_SwitchStmt && (brk || label)))
            return p;
    }
    return NULL;
}

/* Walk s[i, end) skipping string and character literals and tracking ([{
 * nesting in *depth. Counts sep at depth 1 in *count, storing the first max
 * offsets in hits. Returns the offset of the bracket that takes the depth to
 * 0, end when the range ends first, or -1 at a comment or a '#'. */
static long scan(const char *s, unsigned i, unsigned end, int *depth, char sep, unsigned *hits,
                 int max, int *count)
{
    for (; i < end; i++) {
        char c = s[i];
        if (c == '"' || c == '\'') {
            for (i++; i < end && s[i] != c; i++)
                i += s[i] == '\\';
        } else if ((c == '/' && (s[i + 1] == '/' || s[i + 1] == '*')) || c == '#') {
            return -1;
        } else if (c == '(' || c == '[' || c == '{') {
            ++*depth;
        } else if ((c == ')' || c == ']' || c == '}') && --*depth == 0) {
            return i;
        } else if (sep && c == sep && *depth == 1) {
            if (*count < max)
                hits[*count] = i;
            ++*count;
        }
    }
    return end;
}

static unsigned skip_blanks(const char *s, unsigned i, unsigned end)
{
    while (i < end && strchr(" \t\r\n\f\v", s[i]))
        i++;
    return i;
}

int ms_paren_range(const ms_ctx *ctx, const ms_node *n, unsigned *lparen, unsigned *rparen)
{
    const char *s = ctx->u->src;
    unsigned i;
    switch (n->kind) {
    case CXCursor_IfStmt:
    case CXCursor_WhileStmt:
    case CXCursor_ForStmt:
    case CXCursor_SwitchStmt:
        i = n->begin;
        break;
    case CXCursor_DoStmt: { /* do BODY while (COND) */
        const ms_node *body = ms_child(ctx, n, 0);
        if (!body)
            return -1;
        i = skip_blanks(s, ms_stmt_end(ctx, body), n->end);
        if (i + 5 > n->end || strncmp(s + i, "while", 5) != 0)
            return -1;
        break;
    }
    default:
        return -1;
    }
    while (i < n->end && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_')) /* the keyword */
        i++;
    i = skip_blanks(s, i, n->end);
    if (i >= n->end || s[i] != '(')
        return -1;
    int depth = 0, count = 0;
    long r = scan(s, i, n->end, &depth, 0, NULL, 0, &count);
    if (r < 0 || (unsigned long)r >= n->end)
        return -1;
    *lparen = i;
    *rparen = (unsigned)r;
    return 0;
}

int ms_top_level_chars(const ms_ctx *ctx, unsigned begin, unsigned end, char c, unsigned *at,
                       int max)
{
    int depth = 1, count = 0;
    if (end > ctx->u->len || begin > end)
        return -1;
    long r = scan(ctx->u->src, begin, end, &depth, c, at, max, &count);
    return r == (long)end && depth == 1 ? count : -1;
}
