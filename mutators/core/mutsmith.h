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

/* ---- results and descriptor ---- */
enum { MS_MUTATED = 0, MS_SKIP = 1, MS_ERROR = -1 };

/* Flag: deliberately makes invalid programs (error recovery); counted apart. */
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

/* ---- AST nodes: the main file's AST flattened in pre-order ---- */
typedef struct ms_node {
    CXCursor cursor;
    enum CXCursorKind kind;
    unsigned begin, end; /* byte range of the cursor's extent */
    int parent, depth;   /* node indices below: -1 for none; depth 0 = top level */
    int first_child, next_sibling, nchildren; /* top-level nodes are siblings too */
    unsigned char in_macro; /* overlaps a macro expansion: do not edit */
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
/* The declaration c (or the one c references) has its address taken (&x)
 * somewhere in the file; a unary operator inside a macro counts. */
int ms_address_taken(ms_ctx *ctx, CXCursor c);
/* Offset of n's declared name inside n's extent, or 0 (unnamed, from a macro). */
unsigned ms_name_offset(ms_ctx *ctx, const ms_node *n);
/* The main file's declarations of the entity c declares or references
 * (every redeclaration), and the reference nodes to it (DeclRefExpr,
 * MemberRefExpr, TypeRef, MemberRef, LabelRef), in source order -> *out;
 * count. Indexed once per call: cheap to ask for every site. */
int ms_declarations_of(ms_ctx *ctx, CXCursor c, const ms_node ***out);
int ms_references_to(ms_ctx *ctx, CXCursor c, const ms_node ***out);
/* In the main file, outside macros, sane extent (all ms_collect offers). */
int ms_editable(const ms_ctx *ctx, const ms_node *n);

/* Editable nodes with keep(ctx, n, user) != 0 (NULL: all) -> *out; count. */
typedef int (*ms_filter)(ms_ctx *ctx, const ms_node *n, void *user);
int ms_collect(ms_ctx *ctx, ms_filter keep, void *user, const ms_node ***out);
/* Same, keeping only nodes of one kind. */
int ms_collect_kind(ms_ctx *ctx, enum CXCursorKind kind, const ms_node ***out);

/* ---- choosing ---- */
/* Call once per mutate() with the site count: index in [0, n), or -1: return MS_SKIP. */
int ms_pick(ms_ctx *ctx, int nsites);
unsigned ms_rand(ms_ctx *ctx, unsigned bound); /* uniform in [0, bound); 0 if bound == 0 */
int ms_chance(ms_ctx *ctx, unsigned num, unsigned den); /* true with p = num/den */

/* ---- memory: arena, freed after mutate() returns ---- */
void *ms_alloc(ms_ctx *ctx, size_t size); /* zeroed; never NULL (aborts the call) */
char *ms_strdup(ms_ctx *ctx, const char *s);
char *ms_printf(ms_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Growable arena array: ms_vec_push(ctx, &v, &n, &item, sizeof item). */
void ms_vec_push(ms_ctx *ctx, void *vec_ptr, int *count, const void *item, size_t size);

/* ---- source text ---- */
const char *ms_source(const ms_ctx *ctx, size_t *len); /* the whole buffer */
char *ms_text(ms_ctx *ctx, const ms_node *n);          /* the node's text */
char *ms_text_range(ms_ctx *ctx, unsigned begin, unsigned end);
/* Identifier spelling of a declaration or reference (clang_getCursorSpelling). */
char *ms_spelling(ms_ctx *ctx, CXCursor c);
/* A fresh identifier "<prefix>_<n>" used nowhere in the source. */
const char *ms_fresh_name(ms_ctx *ctx, const char *prefix);
/* Offsets of c in [begin,end) outside brackets/literals -> at[max]; count or -1. */
int ms_top_level_chars(const ms_ctx *ctx, unsigned begin, unsigned end, char c, unsigned *at,
                       int max);

/* ---- operators of Binary/CompoundAssign/UnaryOperator nodes ---- */
typedef struct ms_op {
    const char *spelling;
    unsigned begin, end;
    int postfix;
} ms_op;
int ms_operator(ms_ctx *ctx, const ms_node *n, ms_op *op); /* "+", "<<=", "!", "++"; 0 or -1 */

/* ---- types ---- */
typedef enum ms_tclass {
    MS_T_OTHER = 0, MS_T_VOID, MS_T_INT /* incl. char, _Bool */, MS_T_FLOAT,
    MS_T_ENUM, MS_T_POINTER, MS_T_FUNCPTR, MS_T_ARRAY, MS_T_RECORD /* struct/union */,
    MS_T_FUNCTION
} ms_tclass;
ms_tclass ms_classify(CXType t); /* looks through typedefs and qualifiers */
int ms_is_scalar(CXType t);      /* int, float, enum, pointer */
int ms_is_unsigned(CXType t);    /* unsigned integer types and _Bool */
/* "int (*name)[3]" for type t; name "" for a cast; NULL if unspellable (VLA). */
char *ms_declarator(ms_ctx *ctx, CXType t, const char *name);
char *ms_type_name(ms_ctx *ctx, CXType t); /* = ms_declarator(ctx, t, "") */

/* ---- structure ---- */
const ms_node *ms_enclosing_function(const ms_ctx *ctx, const ms_node *n); /* FunctionDecl with body */
const ms_node *ms_enclosing_compound(const ms_ctx *ctx, const ms_node *n);
const ms_node *ms_enclosing_toplevel(const ms_ctx *ctx, const ms_node *n);
/* The statement holding n that sits directly in a compound statement, or NULL. */
const ms_node *ms_enclosing_statement(const ms_ctx *ctx, const ms_node *n);
/* End of statement n including its terminating ';' when it has one. */
unsigned ms_stmt_end(const ms_ctx *ctx, const ms_node *n);
const ms_node *ms_function_body(const ms_ctx *ctx, const ms_node *fn); /* CompoundStmt or NULL */
int ms_is_statement(const ms_node *n); /* a statement (not a bare expression) */
/* Not a declaration, empty statement or label: can be copied, wrapped, moved. */
int ms_is_plain_statement(const ms_node *n);
/* False when n's ';' comes from a macro: then do not copy or cut n whole. */
int ms_stmt_is_whole(const ms_ctx *ctx, const ms_node *n);
/* compound is a `({ ... })` block, whose last statement is its value. */
int ms_in_stmt_expr(const ms_ctx *ctx, const ms_node *compound);
/* BLOCK: in a block; BODY: body of if/loop/switch/case/label (replace by ";", never delete). */
enum { MS_POS_NONE = 0, MS_POS_BLOCK = 1, MS_POS_BODY = 2 };
int ms_stmt_position(const ms_ctx *ctx, const ms_node *n);
/* Loop of a continue, loop/switch of a break, switch of a case/default, else NULL. */
const ms_node *ms_jump_target(const ms_ctx *ctx, const ms_node *n);
/* '(' and ')' of an if/while/for/switch/do-while header; 0 or -1. */
int ms_paren_range(const ms_ctx *ctx, const ms_node *n, unsigned *lparen, unsigned *rparen);

/* ---- edits: queued on ORIGINAL offsets; overlapping -> MS_ERROR ---- */
int ms_replace(ms_ctx *ctx, unsigned begin, unsigned end, const char *text);
int ms_insert(ms_ctx *ctx, unsigned offset, const char *text);
int ms_remove(ms_ctx *ctx, unsigned begin, unsigned end);
int ms_replace_node(ms_ctx *ctx, const ms_node *n, const char *text);
/* Insert a declaration (text ends with ';') right after the '{' of fn's body. */
int ms_insert_decl_in_function(ms_ctx *ctx, const ms_node *fn, const char *text);
/* Insert text (a whole declaration) before the top-level declaration holding n. */
int ms_insert_before_toplevel(ms_ctx *ctx, const ms_node *n, const char *text);

#endif
