/*
 * fuzz_target.h - what a campaign runs: the target command (clang as
 * `clang -cc1 <args from clang -###>`, or any compiler driver), whether it is
 * AFL-instrumented and its map size, and campaign.cmd (docs/CAMPAIGN.md),
 * which records all of it for triage.
 */
#ifndef MUTSMITH_FUZZ_TARGET_H
#define MUTSMITH_FUZZ_TARGET_H

#include <stddef.h>

#define FT_MAX_ARGS 512

typedef struct fuzz_target {
    int is_clang;
    char path[4096];          /* executable afl-fuzz runs */
    char *argv[FT_MAX_ARGS];  /* arguments after path; "@@" marks the input */
    int argc;
    int guided;               /* AFL-instrumented */
    unsigned map_size;        /* from AFL_DUMP_MAP_SIZE, 0 if unknown */
    unsigned timeout_ms;
    char flags[1024];
    int instances;
} fuzz_target;

/* Resolve "clang" (the system clang) or a path into t, with the user's
 * flags; the target writes its object file to obj_path (never /dev/null:
 * some compilers, tcc among them, unlink their output first, and as root
 * that would replace /dev/null). Returns 0, or -1 with a message in err. */
int ft_resolve(fuzz_target *t, const char *spec, const char *flags, const char *obj_path,
               char *err, size_t errlen);
/* Find out whether t->path is AFL-instrumented; fills guided and map_size. */
void ft_probe(fuzz_target *t);
int ft_write_campaign(const fuzz_target *t, const char *out_dir, char *err, size_t errlen);
void ft_free(fuzz_target *t);

#endif
