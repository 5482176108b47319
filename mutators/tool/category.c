/*
 * category.c - map a mutator's name to its category. The name is split into
 * its snake_case words; the first rule (in table order) whose word sequence
 * occurs in the name decides. Order matters where words meet: a return
 * type belongs to functions, a ternary's branches to expressions, although
 * "return" and "branches" alone mean statements and control flow. A new
 * mutator gets a category by its name alone; extend the table when one
 * lands in "other".
 */
#include "category.h"

#include <stdio.h>
#include <string.h>

#define CAT_LITERALS "literals"
#define CAT_TOKENS "tokens"
#define CAT_PREPROC "preprocessor"
#define CAT_INITIALIZERS "initializers"
#define CAT_CONTROL "control flow"
#define CAT_FUNCTIONS "functions"
#define CAT_TYPES "types"
#define CAT_DECLS "declarations"
#define CAT_STMTS "statements"
#define CAT_EXPRS "expressions"
#define CAT_OTHER "other"

const char *const ms_categories[] = {
    CAT_EXPRS, CAT_STMTS,  CAT_CONTROL, CAT_DECLS, CAT_TYPES, CAT_FUNCTIONS,
    CAT_INITIALIZERS, CAT_LITERALS, CAT_PREPROC, CAT_TOKENS, CAT_OTHER, NULL,
};

/* words (one or more, joined by '_') -> category; first match wins */
static const struct {
    const char *words, *category;
} rules[] = {
    {"pragma", CAT_PREPROC},  {"macro", CAT_PREPROC},  {"directive", CAT_PREPROC},
    {"return_type", CAT_FUNCTIONS},
    {"ternary", CAT_EXPRS},
    {"literal", CAT_LITERALS},
    {"token", CAT_TOKENS},
    {"initializer", CAT_INITIALIZERS}, {"initializers", CAT_INITIALIZERS},
    {"designated", CAT_INITIALIZERS},
    {"if", CAT_CONTROL},      {"else", CAT_CONTROL},   {"for", CAT_CONTROL},
    {"while", CAT_CONTROL},   {"switch", CAT_CONTROL}, {"goto", CAT_CONTROL},
    {"label", CAT_CONTROL},   {"break", CAT_CONTROL},  {"continue", CAT_CONTROL},
    {"loop", CAT_CONTROL},    {"ifs", CAT_CONTROL},    {"condition", CAT_CONTROL},
    {"case", CAT_CONTROL},
    {"function", CAT_FUNCTIONS}, {"parameter", CAT_FUNCTIONS}, {"call", CAT_FUNCTIONS},
    {"inline", CAT_FUNCTIONS},   {"argument", CAT_FUNCTIONS},  {"arguments", CAT_FUNCTIONS},
    {"type", CAT_TYPES},      {"typedef", CAT_TYPES},  {"signedness", CAT_TYPES},
    {"qualifier", CAT_TYPES},
    {"struct", CAT_DECLS},    {"union", CAT_DECLS},    {"enum", CAT_DECLS},
    {"bitfield", CAT_DECLS},  {"storage", CAT_DECLS},  {"array", CAT_DECLS},
    {"declaration", CAT_DECLS}, {"variable", CAT_DECLS},
    {"statement", CAT_STMTS}, {"block", CAT_STMTS},    {"return", CAT_STMTS},
    {"operator", CAT_EXPRS},  {"operands", CAT_EXPRS}, {"expression", CAT_EXPRS},
    {"cast", CAT_EXPRS},      {"assignment", CAT_EXPRS}, {"subscript", CAT_EXPRS},
    {"member", CAT_EXPRS},    {"arrow", CAT_EXPRS},    {"pointer", CAT_EXPRS},
    {"comparison", CAT_EXPRS}, {"relational", CAT_EXPRS}, {"builtin", CAT_EXPRS},
    {"arithmetic", CAT_EXPRS}, {"alignas", CAT_TYPES}, {"asm", CAT_STMTS},
    {"generic", CAT_EXPRS},   {"comma", CAT_EXPRS},    {"sizeof", CAT_EXPRS},
    {"atomic", CAT_TYPES},    {"complex", CAT_TYPES},  {"alignment", CAT_TYPES},
    {"attribute", CAT_DECLS}, {"statements", CAT_STMTS}, {"unary", CAT_EXPRS},
    {"morgan", CAT_EXPRS},    {"subexpression", CAT_EXPRS}, {"negation", CAT_EXPRS},
    {"fields", CAT_DECLS},    {"knr", CAT_FUNCTIONS},
};

const char *ms_category(const char *name)
{
    /* match whole words: look for "_words_" in "_name_" */
    char padded[256], needle[64];
    if (!name || snprintf(padded, sizeof padded, "_%s_", name) >= (int)sizeof padded)
        return CAT_OTHER;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        snprintf(needle, sizeof needle, "_%s_", rules[i].words);
        if (strstr(padded, needle))
            return rules[i].category;
    }
    return CAT_OTHER;
}
