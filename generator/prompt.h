/*
 * prompt.h - prompts are files in templates/ with named placeholders:
 * {{name}} is replaced by a value the pipeline supplies, {{file:PATH}} by
 * the contents of PATH in the source tree (so the example mutator and the
 * framework contract in a prompt are always the compiled ones),
 * {{code:PATH}} by C source compacted for the prompt (comments, blank
 * lines, includes and guards dropped). A
 * placeholder without a value is an error, so a typo in a template cannot
 * silently send a broken prompt.
 */
#ifndef MUTSMITH_PROMPT_H
#define MUTSMITH_PROMPT_H

#include <stddef.h>

typedef struct prompt_var {
    const char *name;
    const char *value;
} prompt_var;

/* Render SRC_ROOT/templates/TMPL.md. malloc'd text, or NULL with err. */
char *prompt_render(const char *src_root, const char *tmpl, const prompt_var *vars, size_t nvars,
                    char *err, size_t errlen);

#endif
