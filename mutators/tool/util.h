/*
 * util.h - small helpers for the command-line tools: reading whole files or
 * stdin with a size limit, writing files atomically, splitting the
 * "-- compiler args" tail off argv, JSON string escaping, errors.
 */
#ifndef MUTSMITH_UTIL_H
#define MUTSMITH_UTIL_H

#include <stddef.h>
#include <stdio.h>

#define MS_MAX_INPUT ((size_t)64 << 20) /* largest input accepted, 64 MB */

/* Read path ("-" = stdin) into a malloc'd NUL-terminated buffer.
 * Returns 0, or -1 with a message in err. */
int ms_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen);
/* Write atomically (temp file + rename); "-" or NULL = stdout. */
int ms_write_file(const char *path, const char *buf, size_t len, char *err, size_t errlen);
/* Split argv at the first "--": *argc shrinks, *extra and *nextra get the tail. */
void ms_split_args(int *argc, char **argv, char ***extra, int *nextra);
void ms_json_string(FILE *f, const char *s);
void ms_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void ms_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Parse an unsigned decimal (whole string); -1 on junk. */
int ms_parse_uint(const char *s, unsigned long long *out);

#endif
