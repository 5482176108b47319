/*
 * report_util.h - small helpers shared by the `mutsmith report` files:
 * allocation that dies on failure, formatted strings, a string list, path
 * joining and human-readable numbers, durations and dates.
 */
#ifndef MUTSMITH_REPORT_UTIL_H
#define MUTSMITH_REPORT_UTIL_H

#include <stddef.h>

typedef struct rp_strlist {
    char **v;
    int n, cap;
} rp_strlist;

void *rp_xmalloc(size_t n);
void *rp_xrealloc(void *p, size_t n);
char *rp_xstrdup(const char *s);
/* malloc'd printf; dies when out of memory */
char *rp_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* malloc'd "a/b" */
char *rp_path(const char *a, const char *b);

void rp_list_add(rp_strlist *l, const char *s);      /* copies s */
void rp_list_take(rp_strlist *l, char *s);           /* takes ownership */
void rp_list_free(rp_strlist *l);

/* Trim ASCII spaces, tabs, CR and LF at both ends, in place; returns s moved
 * past leading blanks. */
char *rp_trim(char *s);
/* Parse a decimal number (optionally ending in '%'), whole string after
 * trimming; 0 on success, -1 on junk or empty. */
int rp_parse_double(const char *s, double *out);

/* "1,234,567" */
char *rp_count(unsigned long long v);
/* "2 h 05 min", "3 min 07 s", "42 s", "1 d 04 h" */
char *rp_duration(unsigned long long secs);
/* "2024-05-01 12:00:00 UTC"; "?" for 0 */
char *rp_date(unsigned long long unix_secs);

#endif
