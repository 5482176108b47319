/*
 * candidate_util.h - what candidate_build.c and candidate_check.c share:
 * argument vectors, variables of build/config.mk and build/candidate.mk,
 * running a tool in the sandbox with the candidate limits, and turning tool
 * output into short, deterministic evidence (paths of this machine removed,
 * diagnostics picked, text clipped at line boundaries).
 */
#ifndef MUTSMITH_CANDIDATE_UTIL_H
#define MUTSMITH_CANDIDATE_UTIL_H

#include "genutil.h"
#include "sandbox.h"

#include <stddef.h>

typedef struct cand_argv {
    char **v; /* NULL-terminated */
    int n, cap;
} cand_argv;

void cav_push(cand_argv *a, const char *s);
void cav_split(cand_argv *a, const char *words); /* one argument per blank-separated word */
void cav_free(cand_argv *a);

/* The value of `VAR := value` in a make fragment, malloc'd, or NULL. */
char *cand_mk_var(const char *path, const char *var);

/* The environment of every sandboxed run: the caller's, with LC_ALL=C and
 * sanitizer options that make reports complete and leaks detectable.
 * Static storage, built once. */
char *const *cand_env_vars(void);

/* Run argv in dir inside the sandbox: no network; with untrusted, also no
 * file writes. 0 or -1 (could not start). */
int cand_run(const char *dir, char *const argv[], double wall_s, int untrusted, sb_result *r);

/* text with every "prefix/" of prefixes[] removed (machine paths), malloc'd */
char *cand_unpath(const char *text, const char *const *prefixes, int n);
/* The first diagnostics of compiler/linker output: blocks starting at an
 * "error:", "undefined reference" or "multiple definition" line, with the
 * indented source excerpt that follows; at most max_blocks, max_lines,
 * max_bytes. NULL when there is none. malloc'd. */
char *cand_pick_errors(const char *text, int max_blocks, int max_lines, size_t max_bytes);
/* Sanitizer evidence: the ERROR/runtime error/leak lines, the first stack's
 * frames that name a function (addresses dropped, at most max_frames) and the
 * SUMMARY line; "==pid==" prefixes removed. NULL when there is none. */
char *cand_pick_sanitizer(const char *text, int max_frames);
/* Append s to b, keeping at most max_lines lines and b under max_bytes. */
void cand_clip_add(gbuf *b, const char *s, int max_lines, size_t max_bytes);
/* "dir/file.c": the last two components of a path, for evidence */
const char *cand_short_path(const char *path);

#endif
