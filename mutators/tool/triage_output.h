/*
 * triage_output.h - what `mutsmith triage` writes: one folder per bucket
 * (reduced.c, original.c, command.sh, signature.txt, stderr.txt,
 * mutators.txt, files.txt), false_positives.txt, summary.md, summary.tsv,
 * and the summary table on stdout.
 */
#ifndef MUTSMITH_TRIAGE_OUTPUT_H
#define MUTSMITH_TRIAGE_OUTPUT_H

#include "triage_campaign.h"
#include "triage_inputs.h"

#include <stdio.h>

typedef struct ms_tri_bucket {
    char name[64];         /* NNN-slug, the folder name */
    const char *signature; /* borrowed from the inputs' verdicts */
    const char *kind;
    ms_tri_input **in;     /* the inputs in this bucket (array owned) */
    int n;
    ms_tri_input *smallest;
    char *original;        /* the smallest input's text (owned) */
    size_t original_len;
    char *reduced;         /* reduced text (owned), NULL when not reduced */
    size_t reduced_len;
    char note[256];        /* how the reduction went */
} ms_tri_bucket;

/* Write dir/<b->name>/ (dir/<b->name>/reduce/ may already exist). */
int ms_tri_write_bucket(const char *dir, const ms_tri_bucket *b, const ms_tri_campaign *c,
                        char *err, size_t errlen);

/* dir/false_positives.txt: "relative path <TAB> reason" per discarded input */
int ms_tri_write_false_positives(const char *dir, const ms_tri_input *in, int n, char *err,
                                 size_t errlen);

/* dir/summary.md and dir/summary.tsv */
int ms_tri_write_summary(const char *dir, const char *outdir, const ms_tri_bucket *b, int nb,
                         const ms_tri_input *in, int n, char *err, size_t errlen);

/* the summary table, for the terminal */
void ms_tri_print_table(FILE *table, const ms_tri_bucket *b, int nb, const ms_tri_input *in, int n);

#endif
