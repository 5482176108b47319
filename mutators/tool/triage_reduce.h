/*
 * triage_reduce.h - shrink one crash input with cvise, under a time bound,
 * keeping its crash signature: the generated interestingness test calls
 * back into `mutsmith triage --signature-of` so that reduction and bucketing
 * use the very same oracle.
 */
#ifndef MUTSMITH_TRIAGE_REDUCE_H
#define MUTSMITH_TRIAGE_REDUCE_H

#include <stddef.h>

typedef struct ms_tri_reduce_opts {
    const char *cvise;      /* path of the cvise executable */
    const char *self_exe;   /* absolute path of this mutsmith binary */
    const char *outdir;     /* absolute path of the campaign directory */
    int jobs;               /* cvise --n */
    double time_s;          /* bound on the whole reduction */
    double test_timeout_s;  /* cvise --timeout: one interestingness test */
    int progress;           /* print the current size on stderr every 30 s */
} ms_tri_reduce_opts;

/* Reduce text (len bytes) in workdir (created; left holding test.sh and
 * cvise.log) so that it keeps `signature`. Returns 0 with the best variant
 * found in *out / *outlen (malloc'd; it may be the input itself when cvise
 * found nothing or failed, then err says why), -1 on an I/O error (err), or
 * 2 when interrupted (ms_tri_stop). The caller re-checks the result. */
int ms_tri_reduce(const ms_tri_reduce_opts *o, const char *workdir, const char *text, size_t len,
                  const char *signature, char **out, size_t *outlen, char *err, size_t errlen);

#endif
