/*
 * genutil.h - what the generator's modules share: a growable string buffer,
 * whole-file reading, atomic writes (temp file, fsync, rename: an
 * interrupted run never leaves a half-written file), mkdir -p, and where
 * the source tree is.
 */
#ifndef MUTSMITH_GENUTIL_H
#define MUTSMITH_GENUTIL_H

#include <stdarg.h>
#include <stddef.h>

typedef struct gbuf {
    char *s;
    size_t len, cap;
} gbuf;

void gbuf_add(gbuf *b, const char *s, size_t n);
void gbuf_puts(gbuf *b, const char *s);
void gbuf_printf(gbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *gbuf_take(gbuf *b); /* the NUL-terminated string; b is reset */
void gbuf_free(gbuf *b);

/* malloc'd contents (NUL-terminated) or NULL with errno set */
char *gen_slurp(const char *path, size_t *len);
/* temp + fsync + rename; 0 or -1 with errno */
int gen_write_atomic(const char *path, const char *data, size_t len);
int gen_mkdirs(const char *path);
int gen_exists(const char *path);
/* The source tree: $MUTSMITH_SRC, else the directory above the binary's
 * build/ directory, else ".". Static storage. */
const char *gen_src_root(void);
/* The build tree: $MUTSMITH_BUILD, else the binary's directory or the one
 * above it that holds config.mk (build/ for build/asan/mutsmith). */
const char *gen_build_dir(void);
/* malloc'd "a/b" */
char *gen_path(const char *a, const char *b);
/* 1 if s is a valid mutator name: [a-z][a-z0-9_]{2,47} */
int gen_valid_name(const char *s);

#endif
