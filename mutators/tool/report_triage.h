/*
 * report_triage.h - reading OUT/triage/summary.tsv, the bucket list written
 * by `mutsmith triage` (columns bucket, kind, count, original_bytes,
 * reduced_bytes, mutators, signature; header line first). Columns are found
 * by the header's names, so their order may change and others may be added.
 */
#ifndef MUTSMITH_REPORT_TRIAGE_H
#define MUTSMITH_REPORT_TRIAGE_H

enum { RT_BUCKET, RT_KIND, RT_COUNT, RT_ORIG, RT_REDUCED, RT_MUTATORS, RT_SIGNATURE, RT_NCOL };

extern const char *const rp_triage_columns[RT_NCOL]; /* the header names */

typedef struct rp_triage {
    int present;            /* summary.tsv was read */
    int dir_present;        /* OUT/triage exists */
    char *(*rows)[RT_NCOL]; /* "" for a missing field */
    int nrows;
    unsigned long long crashes; /* sum of the count column */
} rp_triage;

void rp_triage_load(rp_triage *t, const char *out);
void rp_triage_free(rp_triage *t);

#endif
