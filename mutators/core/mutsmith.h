/*
 * mutsmith.h - the complete contract between a mutator and the framework.
 *
 * A mutator is one C file in mutators/ that includes only this header and
 * libclang's <clang-c/Index.h>, defines `static int mutate(ms_ctx *ctx)` and
 * ends with MS_MUTATOR(name, "One sentence.", flags) where name equals the
 * file stem. mutate() does: collect sites -> none? return MS_SKIP -> pick one
 * with ms_pick() -> check -> queue edits -> return MS_MUTATED.
 *
 * Ownership: everything a mutator receives is borrowed; everything it
 * allocates comes from the context's arena (ms_alloc, ms_strdup, ms_printf,
 * ms_text, ms_vec_push) and dies when mutate() returns. Never call malloc,
 * free, rand, srand or time. All randomness comes from ms_rand/ms_pick.
 *
 * Offsets are byte offsets into ctx's source buffer (ms_source()); ranges are
 * half-open [begin, end). Edits are queued and applied by the framework after
 * mutate() returns; they refer to the ORIGINAL buffer, so offsets never shift.
 */
#ifndef MUTSMITH_H
#define MUTSMITH_H

#include <clang-c/Index.h>
#include <stddef.h>

/* ---- results and descriptor ------------------------------------------- */
enum { MS_MUTATED = 0, MS_SKIP = 1, MS_ERROR = -1 };

/* Descriptor flag: the mutator deliberately produces invalid programs (to
 * reach compiler error-recovery paths); the validity sweep counts it apart. */
#define MS_F_INVALID 1u

typedef struct ms_ctx ms_ctx;
typedef struct ms_mutator {
    const char *name;        /* verb_object, equals the file stem */
    const char *description; /* one sentence */
    int (*mutate)(ms_ctx *ctx);
    unsigned flags;
} ms_mutator;

#define MS_MUTATOR(NAME, DESC, FLAGS) \
    const ms_mutator ms_mutator_##NAME = {#NAME, DESC, mutate, FLAGS}

/* ---- AST nodes ------------------------------------------------------------
 * The framework flattens the main file's AST once per parse, in pre-order:
 * the subtree of node i is nodes i+1 .. ms_subtree_end(ctx, n) - 1. Only
 * cursors spelled in the main file are nodes. */
typedef struct ms_node {
    CXCursor cursor;
    enum CXCursorKind kind;
    unsigned begin, end; /* byte range of the cursor's extent */
    int parent;          /* index of parent node, -1 for top level */
    int depth;           /* 0 for top-level declarations */
    int first_child;     /* index or -1 */
    int next_sibling;    /* index or -1 */
    int nchildren;
    unsigned char in_macro; /* extent overlaps a macro expansion: do not edit */
} ms_node;

int ms_node_count(const ms_ctx *ctx);
const ms_node *ms_node_at(const ms_ctx *ctx, int index);
int ms_node_index(const ms_ctx *ctx, const ms_node *n);
const ms_node *ms_parent(const ms_ctx *ctx, const ms_node *n); /* NULL at top */
const ms_node *ms_child(const ms_ctx *ctx, const ms_node *n, int i); /* NULL if none */
int ms_subtree_end(const ms_ctx *ctx, const ms_node *n); /* index past n's last descendant */
/* True when n or one of its descendants has the given kind. */
int ms_subtree_has(const ms_ctx *ctx, const ms_node *n, enum CXCursorKind kind);
/* The node whose cursor equals c (e.g. from clang_getCursorReferenced), or NULL. */
const ms_node *ms_find(const ms_ctx *ctx, CXCursor c);
/* True when the node lies in the main file, outside macros, with a sane
 * extent. ms_collect() only offers such nodes. */
int ms_editable(const ms_ctx *ctx, const ms_node *n);

/* Collect every editable node for which keep(ctx, n, user) returns nonzero
 * (keep NULL = all). *out gets an arena array; returns the count. */
typedef int (*ms_filter)(ms_ctx *ctx, const ms_node *n, void *user);
int ms_collect(ms_ctx *ctx, ms_filter keep, void *user, const ms_node ***out);
/* Same, keeping only nodes of one kind. */
int ms_collect_kind(ms_ctx *ctx, enum CXCursorKind kind, const ms_node ***out);

/* ---- choosing ------------------------------------------------------------
 * ms_pick(ctx, n) returns the site to mutate in [0, n), or -1 when the
 * mutator must return MS_SKIP (n == 0, a forced --site out of range, or the
 * framework is only counting sites). Call it exactly once per mutate(), with
 * the number of applicable sites. */
int ms_pick(ms_ctx *ctx, int nsites);
unsigned ms_rand(ms_ctx *ctx, unsigned bound); /* uniform in [0, bound); 0 if bound == 0 */
int ms_chance(ms_ctx *ctx, unsigned num, unsigned den); /* true with p = num/den */

/* ---- memory (arena, freed after mutate returns) ------------------------ */
void *ms_alloc(ms_ctx *ctx, size_t size); /* zeroed; never NULL (aborts the call) */
char *ms_strdup(ms_ctx *ctx, const char *s);
char *ms_printf(ms_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Growable arena array: ms_vec_push(ctx, &v, &n, &item, sizeof item). */
void ms_vec_push(ms_ctx *ctx, void *vec_ptr, int *count, const void *item, size_t size);

/* ---- source text ---------------------------------------------------------- */
const char *ms_source(const ms_ctx *ctx, size_t *len); /* the whole buffer */
char *ms_text(ms_ctx *ctx, const ms_node *n);          /* the node's text */
char *ms_text_range(ms_ctx *ctx, unsigned begin, unsigned end);
/* Identifier spelling of a declaration or reference (clang_getCursorSpelling). */
char *ms_spelling(ms_ctx *ctx, CXCursor c);
/* A fresh identifier "<prefix>_<n>" that occurs nowhere in the source and was
 * not returned before in this call. */
const char *ms_fresh_name(ms_ctx *ctx, const char *prefix);
/* Offsets of character c in [begin, end) outside brackets and string or char
 * literals (e.g. the ';' of a for header): the first max go to at[]; returns
 * how many there are, -1 if a comment or directive is inside or brackets do
 * not balance. c must not be a bracket or a quote. */
int ms_top_level_chars(const ms_ctx *ctx, unsigned begin, unsigned end, char c, unsigned *at,
                       int max);

/* ---- operators -------------------------------------------------------------
 * For CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator and
 * CXCursor_UnaryOperator: the operator's spelling ("+", "<<=", "!", "++") and
 * its byte range, so it can be replaced. Returns 0 on success, -1 otherwise.
 * *postfix is set for x++ / x-- (may be NULL). */
typedef struct ms_op {
    const char *spelling;
    unsigned begin, end;
    int postfix;
} ms_op;
int ms_operator(ms_ctx *ctx, const ms_node *n, ms_op *op);

/* ---- types ---------------------------------------------------------------- */
typedef enum ms_tclass {
    MS_T_OTHER = 0, MS_T_VOID, MS_T_INT /* incl. char, _Bool */, MS_T_FLOAT,
    MS_T_ENUM, MS_T_POINTER, MS_T_FUNCPTR, MS_T_ARRAY, MS_T_RECORD /* struct/union */,
    MS_T_FUNCTION
} ms_tclass;
ms_tclass ms_classify(CXType t); /* looks through typedefs and qualifiers */
int ms_is_scalar(CXType t);      /* int, float, enum, pointer */
int ms_is_unsigned(CXType t);    /* unsigned integer types and _Bool */
/* Declaration text for a variable of type t named name, e.g.
 * "int (*name)[3]", "const char *name", "struct S name". name may be "" for an
 * abstract declarator (a cast's type). NULL when t cannot be spelled (an
 * anonymous struct, a VLA, a block type). */
char *ms_declarator(ms_ctx *ctx, CXType t, const char *name);
char *ms_type_name(ms_ctx *ctx, CXType t); /* = ms_declarator(ctx, t, "") */

/* ---- structure ------------------------------------------------------------ */
const ms_node *ms_enclosing_function(const ms_ctx *ctx, const ms_node *n); /* FunctionDecl with body */
const ms_node *ms_enclosing_compound(const ms_ctx *ctx, const ms_node *n);
const ms_node *ms_enclosing_toplevel(const ms_ctx *ctx, const ms_node *n);
/* The whole statement that contains n and sits directly in a compound
 * statement, or NULL. */
const ms_node *ms_enclosing_statement(const ms_ctx *ctx, const ms_node *n);
/* End of statement n including its terminating ';' when it has one. */
unsigned ms_stmt_end(const ms_ctx *ctx, const ms_node *n);
const ms_node *ms_function_body(const ms_ctx *ctx, const ms_node *fn); /* CompoundStmt or NULL */
int ms_is_statement(const ms_node *n); /* a statement (not a bare expression) */
/* A statement or expression statement that is not a declaration, an empty
 * statement or a label (`L:`, case, default): one to copy, wrap or move whole. */
int ms_is_plain_statement(const ms_node *n);
/* True when the text of n up to ms_stmt_end ends with its own ';' or '}'; false
 * when the ';' comes from a macro (`x++ END`): then do not copy or cut n whole. */
int ms_stmt_is_whole(const ms_ctx *ctx, const ms_node *n);
/* True when compound is the block of a GNU statement expression `({ ... })`,
 * whose value is its last statement: removing or wrapping that one breaks it. */
int ms_in_stmt_expr(const ms_ctx *ctx, const ms_node *compound);
/* Where statement n sits: MS_POS_BLOCK directly in a block (not a `({ })`
 * block), MS_POS_BODY the then/else of an if or the body of a loop, switch,
 * case or label (replace it by ";" rather than delete it), else MS_POS_NONE. */
enum { MS_POS_NONE = 0, MS_POS_BLOCK = 1, MS_POS_BODY = 2 };
int ms_stmt_position(const ms_ctx *ctx, const ms_node *n);
/* What a jump or label belongs to: the innermost loop of a continue, loop or
 * switch of a break, switch of a case/default. NULL for other nodes or none. */
const ms_node *ms_jump_target(const ms_ctx *ctx, const ms_node *n);
/* Offsets of the '(' and matching ')' of the header of an if, while, for,
 * switch or do-while statement n, found in the text (works when the condition
 * is a macro). 0, or -1 if absent or a comment or directive is in the way. */
int ms_paren_range(const ms_ctx *ctx, const ms_node *n, unsigned *lparen, unsigned *rparen);

/* ---- edits (queued; refused with MS_ERROR if they overlap) --------------
 * Two inserts at one offset apply in queue order. Text is copied. */
int ms_replace(ms_ctx *ctx, unsigned begin, unsigned end, const char *text);
int ms_insert(ms_ctx *ctx, unsigned offset, const char *text);
int ms_remove(ms_ctx *ctx, unsigned begin, unsigned end);
int ms_replace_node(ms_ctx *ctx, const ms_node *n, const char *text);
/* Insert a declaration (text ends with ';') right after the '{' of fn's body. */
int ms_insert_decl_in_function(ms_ctx *ctx, const ms_node *fn, const char *text);
/* Insert text (a whole declaration) before the top-level declaration holding n. */
int ms_insert_before_toplevel(ms_ctx *ctx, const ms_node *n, const char *text);

#endif
