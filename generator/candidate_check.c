/*
 * candidate_check.c - cand_validate (candidate.h): the built candidate's
 * own `check` (the sweep of `mutsmith check`) on the test inputs inside the
 * sandbox, with no network and no file writes, leak checks after each call
 * and a stop at the first Crash, Hang or Leak; then its JSON into a
 * cand_validation.
 *
 * Verdicts are the sweep's, plus Forbidden when a call was stopped by the
 * seccomp filter (SIGSYS, in a sweep child or in the checker itself). The
 * evidence is rebuilt from the first problem of the verdict's kind (the
 * sweep ranks problems by file and seed, so it does not depend on
 * scheduling): the candidate's `mutate` re-run on that file and seed in the
 * sandbox gives the sanitizer summary of a Crash or Leak, or the mutant of
 * an InvalidChange, shown as a diff with clang's first error. Samples (OK
 * only) are the first mutants in file order, one per file, with diffs.
 */
#include "candidate.h"
#include "candidate_util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EVIDENCE_MAX 1200
#define SAMPLE_ATTEMPTS 12
#define DIFF_LINES 40
#define DIFF_BYTES 2048

typedef struct vjob {
    const cand_env *env;
    const cand_build *b;
    const char *name;
    char *work, *src, *clang;
    const char *const *files; /* as given */
    char **abs;               /* absolute, for the sandbox */
    int nfiles, seeds;
    double timeout;
    cand_validation *v;
} vjob;

static const char *shown(const vjob *j, int i)
{
    return cand_short_path(j->files[i]);
}

/* the candidate's `mutate -m NAME --seed S FILE` in the sandbox */
static int run_mutate(const vjob *j, int file, unsigned long long seed, sb_result *r)
{
    char s[32];
    snprintf(s, sizeof s, "%llu", seed);
    char *const argv[] = {(char *)j->b->exe, "mutate", "-m", (char *)j->name, "--seed", s,
                          j->abs[file], NULL};
    return cand_run(j->work, argv, 2 * j->timeout + 30, 1, r);
}

/* clang -fsyntax-only on a mutant: 1 valid, 0 not (first error in *first) */
static int syntax_ok(const vjob *j, const char *text, size_t len, char **first)
{
    if (first)
        *first = NULL;
    char *path = gen_path(j->work, "mutant.c");
    int wrc = gen_write_atomic(path, text, len);
    free(path);
    if (wrc != 0)
        return 0;
    char *const argv[] = {j->clang, "-fsyntax-only", "-fno-color-diagnostics", "mutant.c",
                          NULL};
    sb_result r;
    if (cand_run(j->work, argv, 60, 1, &r) != 0)
        return 0;
    int ok = r.exited && r.status == 0;
    if (!ok && first)
        *first = cand_pick_errors(r.out, 1, 4, 600);
    sb_result_free(&r);
    return ok;
}

/* diff -u input mutant.c (written by syntax_ok), labelled with the short name */
static char *diff_mutant(const vjob *j, int file, int max_lines, size_t max_bytes)
{
    gbuf l = {0};
    gbuf_printf(&l, "a/%s", shown(j, file));
    char *la = gbuf_take(&l);
    gbuf_printf(&l, "b/%s", shown(j, file));
    char *lb = gbuf_take(&l);
    char *const argv[] = {"diff", "-u", "--label", la, "--label", lb, j->abs[file], "mutant.c",
                          NULL};
    sb_result r;
    char *d = NULL;
    if (cand_run(j->work, argv, 30, 1, &r) == 0) {
        gbuf b = {0};
        cand_clip_add(&b, r.out, max_lines, max_bytes);
        d = gbuf_take(&b);
        sb_result_free(&r);
    }
    free(la);
    free(lb);
    return d;
}

static int find_file(const vjob *j, const char *abs)
{
    for (int i = 0; i < j->nfiles; i++)
        if (strcmp(j->abs[i], abs) == 0)
            return i;
    return -1;
}

static int num(const cJSON *o, const char *k)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(x) ? x->valueint : 0;
}

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(x) ? x->valuestring : NULL;
}

static const char *forbidden_text =
    "The sandbox stopped a forbidden system call (SIGSYS): mutators may not create sockets, "
    "write or remove files, or start processes; they only compute and queue edits.\n";

/* the evidence of a problem on (file, seed) that `mutate` reproduces */
static void reproduce(const vjob *j, gbuf *e, int file, unsigned long long seed)
{
    const cand_validation *v = j->v;
    sb_result r;
    if (run_mutate(j, file, seed, &r) != 0)
        return;
    const char *pre[] = {j->work, j->src};
    char *out = cand_unpath(r.out, pre, 2);
    if (!strcmp(v->verdict, "Crash") || !strcmp(v->verdict, "Leak")) {
        char *san = cand_pick_sanitizer(out, 6);
        if (san)
            cand_clip_add(e, san, 20, EVIDENCE_MAX);
        else if (!r.exited)
            gbuf_printf(e, "(re-run: killed by signal %d, no sanitizer report)\n", r.signal);
        else
            gbuf_printf(e, "(re-run: exit status %d, no sanitizer report)\n", r.status);
        free(san);
    } else if (!strcmp(v->verdict, "InvalidChange") && r.exited && r.status == 0) {
        char *first = NULL;
        syntax_ok(j, r.out, r.out_len, &first);
        char *d = diff_mutant(j, file, 18, 800);
        if (d && *d) {
            gbuf_puts(e, "diff of the input and the mutant:\n");
            cand_clip_add(e, d, 18, EVIDENCE_MAX);
        }
        if (first) {
            gbuf_puts(e, "clang on the mutant:\n");
            cand_clip_add(e, first, 6, EVIDENCE_MAX);
        }
        free(d);
        free(first);
    }
    free(out);
    sb_result_free(&r);
}

static void build_evidence(const vjob *j, const cJSON *m, const sb_result *run)
{
    cand_validation *v = j->v;
    gbuf e = {0};
    const char *pfile = str(m, "problem_file"), *what = str(m, "problem_what");
    const cJSON *ps = cJSON_GetObjectItemCaseSensitive(m, "problem_seed");
    int file = pfile ? find_file(j, pfile) : -1;
    unsigned long long seed = cJSON_IsNumber(ps) ? (unsigned long long)ps->valuedouble : 0;
    if (!strcmp(v->verdict, "OK")) {
        /* nothing to fix */
    } else if (!strcmp(v->verdict, "ApplyFail")) {
        gbuf_printf(&e, "No site in any of the %d test programs:", j->nfiles);
        for (int i = 0; i < j->nfiles && i < 6; i++)
            gbuf_printf(&e, " %s", shown(j, i));
        gbuf_puts(&e, j->nfiles > 6 ? " ...\n" : "\n");
    } else if (file >= 0) {
        gbuf_printf(&e, "%s (seed %llu): %s\n", shown(j, file), seed, what ? what : "");
        if (!strcmp(v->verdict, "Forbidden"))
            gbuf_puts(&e, forbidden_text);
        else if (!strcmp(v->verdict, "Crash") || !strcmp(v->verdict, "Leak") ||
                 !strcmp(v->verdict, "InvalidChange"))
            reproduce(j, &e, file, seed);
        else if (!strcmp(v->verdict, "Hang"))
            gbuf_printf(&e, "a call of mutate() did not return within %.0f s\n", j->timeout);
    } else if (run) {
        /* the checker itself failed: no JSON */
        if (run->timed_out)
            gbuf_printf(&e, "validation did not finish within %.0f s\n", run->wall_s);
        else if (!strcmp(v->verdict, "Forbidden"))
            gbuf_puts(&e, forbidden_text);
        else
            gbuf_printf(&e, "the checker %s %d before reporting\n",
                        run->exited ? "exited with status" : "was killed by signal",
                        run->exited ? run->status : run->signal);
        const char *pre[] = {j->work, j->src};
        char *out = cand_unpath(run->out, pre, 2);
        char *san = cand_pick_sanitizer(out, 6);
        if (san) {
            cand_clip_add(&e, san, 20, EVIDENCE_MAX);
        } else {
            size_t len = strlen(out);
            cand_clip_add(&e, len > 600 ? out + len - 600 : out, 10, EVIDENCE_MAX);
        }
        free(san);
        free(out);
    }
    gbuf b = {0};
    cand_clip_add(&b, e.s ? e.s : "", 40, EVIDENCE_MAX);
    v->evidence = gbuf_take(&b);
    gbuf_free(&e);
}

static void collect_samples(const vjob *j)
{
    cand_validation *v = j->v;
    int attempts = 0;
    for (int f = 0; f < j->nfiles && v->nsamples < CAND_MAX_SAMPLES; f++) {
        for (int s = 0; s < j->seeds && attempts < SAMPLE_ATTEMPTS; s++) {
            unsigned long long seed = 1 + (unsigned long long)s;
            sb_result r;
            attempts++;
            if (run_mutate(j, f, seed, &r) != 0)
                continue;
            int mutated = r.exited && r.status == 0;
            if (mutated) {
                cand_sample *sm = &v->samples[v->nsamples++];
                sm->file = strdup(j->files[f]);
                sm->seed = seed;
                sm->valid = syntax_ok(j, r.out, r.out_len, NULL);
                sm->diff = diff_mutant(j, f, DIFF_LINES, DIFF_BYTES);
            }
            sb_result_free(&r);
            if (mutated)
                break;
        }
    }
    char *m = gen_path(j->work, "mutant.c");
    unlink(m);
    free(m);
}

static void from_json(const vjob *j, const cJSON *m)
{
    cand_validation *v = j->v;
    const char *verdict = str(m, "verdict");
    snprintf(v->verdict, sizeof v->verdict, "%s", verdict ? verdict : "Error");
    v->files = num(m, "files");
    v->files_applicable = num(m, "files_applicable");
    v->runs = num(m, "runs");
    v->mutated = num(m, "mutated");
    v->checked = num(m, "checked");
    v->valid = num(m, "valid");
    v->applicability = v->files ? (double)v->files_applicable / v->files : 0;
    v->validity = v->checked ? (double)v->valid / v->checked : 0;
    const cJSON *us = cJSON_GetObjectItemCaseSensitive(m, "us_per_mutation");
    v->us_per_mutation = cJSON_IsNumber(us) ? us->valuedouble : 0;
    const char *what = str(m, "problem_what");
    char sigsys[32];
    snprintf(sigsys, sizeof sigsys, "signal %d (", SIGSYS);
    if (!strcmp(v->verdict, "Crash") && what && strstr(what, sigsys))
        snprintf(v->verdict, sizeof v->verdict, "Forbidden");
}

/* the sweep's JSON: printed last on stdout, after any report of a child */
static cJSON *sweep_json(const char *out, char **text)
{
    const char *p = NULL, *q = out;
    while ((q = strstr(q, "{\n  \"files\": ")) != NULL)
        p = q++;
    *text = NULL;
    if (!p)
        return NULL;
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithOpts(p, &end, 0);
    if (j && end)
        *text = strndup(p, (size_t)(end - p));
    return j;
}

static int run_sweep(vjob *j, char *err, size_t errlen)
{
    cand_validation *v = j->v;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cpus > 0 ? (int)cpus : 1;
    char seeds[16], jobs_s[16], tmo[32];
    snprintf(seeds, sizeof seeds, "%d", j->seeds);
    snprintf(jobs_s, sizeof jobs_s, "%d", jobs);
    snprintf(tmo, sizeof tmo, "%g", j->timeout);
    cand_argv a = {0};
    const char *fixed[] = {j->b->exe, "check",   (char *)j->name, "--json",   "-q",
                           "--leak-check", "--fail-fast", "--seed", "1", "--seeds",
                           seeds,          "--jobs",      jobs_s,   "--timeout", tmo};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        cav_push(&a, fixed[i]);
    for (int i = 0; i < j->nfiles; i++) {
        cav_push(&a, "--file");
        cav_push(&a, j->abs[i]);
    }
    /* a safety net above the sweep's own per-call limit */
    double wall = 60 + 3 * j->timeout + j->nfiles * (1.0 + j->seeds) * 0.5 / jobs;
    sb_result r;
    if (cand_run(j->work, a.v, wall, 1, &r) != 0) {
        snprintf(err, errlen, "cannot run %s: %s", j->b->exe, strerror(errno));
        cav_free(&a);
        return -1;
    }
    cav_free(&a);
    if (r.exited && (r.status == 126 || r.status == 127) && !strncmp(r.out, "sandbox: ", 9)) {
        snprintf(err, errlen, "%.300s", r.out);
        sb_result_free(&r);
        return -1;
    }
    cJSON *root = sweep_json(r.out, &v->sweep_json);
    const cJSON *muts = root ? cJSON_GetObjectItemCaseSensitive(root, "mutators") : NULL;
    const cJSON *m = cJSON_GetArrayItem(muts, 0);
    if (m && !r.timed_out) {
        from_json(j, m);
        build_evidence(j, m, NULL);
    } else {
        const char *vd = r.timed_out                              ? "Hang"
                         : (!r.exited && r.signal == SIGSYS)       ? "Forbidden"
                                                                   : "Crash";
        snprintf(v->verdict, sizeof v->verdict, "%s", vd);
        v->files = j->nfiles;
        build_evidence(j, NULL, &r);
    }
    cJSON_Delete(root);
    sb_result_free(&r);
    return 0;
}

int cand_validate(const cand_env *env, const cand_build *b, const char *name,
                  const char *const *files, int nfiles, int seeds, const char *workdir,
                  cand_validation *v, char *err, size_t errlen)
{
    memset(v, 0, sizeof *v);
    snprintf(v->verdict, sizeof v->verdict, "Error");
    vjob j = {.env = env, .b = b, .name = name, .files = files, .nfiles = nfiles,
              .seeds = seeds > 0 ? seeds : 2, .v = v};
    j.timeout = env->timeout_s > 0 ? env->timeout_s : 10;
    int rc = -1;
    if (!b->ok || nfiles <= 0) {
        snprintf(err, errlen, nfiles <= 0 ? "no test programs" : "the candidate is not built");
        return -1;
    }
    j.work = realpath(workdir, NULL);
    j.src = realpath(env->src_root, NULL);
    j.abs = calloc((size_t)nfiles, sizeof *j.abs);
    if (!j.work || !j.src || !j.abs) {
        snprintf(err, errlen, "cannot find %s", !j.work ? workdir : env->src_root);
        goto out;
    }
    for (int i = 0; i < nfiles; i++) {
        j.abs[i] = realpath(files[i], NULL);
        if (!j.abs[i]) {
            snprintf(err, errlen, "cannot find %s: %s", files[i], strerror(errno));
            goto out;
        }
    }
    char *config = gen_path(env->build_dir, "config.mk");
    j.clang = cand_mk_var(config, "CLANG");
    free(config);
    if (!j.clang)
        j.clang = strdup("clang");
    if (run_sweep(&j, err, errlen) != 0)
        goto out;
    if (!strcmp(v->verdict, "OK"))
        collect_samples(&j);
    rc = 0;
out:
    if (j.abs)
        for (int i = 0; i < nfiles; i++)
            free(j.abs[i]);
    free(j.abs);
    free(j.work);
    free(j.src);
    free(j.clang);
    return rc;
}

void cand_validation_free(cand_validation *v)
{
    if (!v)
        return;
    free(v->evidence);
    free(v->sweep_json);
    for (int i = 0; i < v->nsamples; i++) {
        free(v->samples[i].file);
        free(v->samples[i].diff);
    }
    v->evidence = v->sweep_json = NULL;
    v->nsamples = 0;
}
