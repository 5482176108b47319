/*
 * cmd_triage.c - `mutsmith triage OUT`: re-run every saved crash and hang of
 * a campaign with the campaign's own command, drop the false positives,
 * bucket the real crashes by signature, reduce the smallest input of each
 * bucket with cvise, and write OUT/triage/ (layout in triage_output.h; the
 * oracle in triage_classify.h). The work happens in OUT/triage.tmp.PID,
 * renamed to OUT/triage at the end, so an interrupted run leaves the previous
 * OUT/triage untouched. Exit: 0 done, 1 usage or I/O error, 130 interrupted.
 */
#include "commands.h"
#include "triage_campaign.h"
#include "triage_classify.h"
#include "triage_fs.h"
#include "triage_inputs.h"
#include "triage_output.h"
#include "triage_reduce.h"
#include "triage_run.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith triage OUT [options]\n"
            "\n"
            "Re-run every saved crash and hang of the campaign in OUT (OUT/*/crashes/id:*,\n"
            "OUT/*/hangs/id:*) with the command in OUT/campaign.cmd, discard false\n"
            "positives (`clang __debug` pragmas, out of memory, stack exhaustion, hangs that\n"
            "finish with a longer limit, inputs that no longer crash), bucket the real\n"
            "crashes by signature (assertion, LLVM ERROR message, top stack frames, signal),\n"
            "reduce the smallest input of each bucket with cvise, and write OUT/triage/:\n"
            "one NNN-slug/ folder per bucket (reduced.c original.c command.sh signature.txt\n"
            "stderr.txt mutators.txt files.txt), false_positives.txt, summary.md, summary.tsv.\n"
            "  --no-reduce          do not run cvise\n"
            "  --reduce-time S      bound on the reduction of one bucket (default 300)\n"
            "  --jobs N             parallel re-runs and cvise --n (default: number of CPUs)\n"
            "  --hang-timeout S     limit for re-running hangs (default 10 x timeout_ms)\n"
            "  -q, --quiet          no progress on stderr\n"
            "  --signature-of FILE --campaign OUT\n"
            "                       run the campaign's target on FILE once and print its crash\n"
            "                       signature (exit 0), or the reason it is not a real crash\n"
            "                       on stderr (exit 1); the cvise test scripts use this\n"
            "Crashes are re-run with the campaign's timeout_ms. Re-running replaces OUT/triage.\n");
}

typedef struct opts {
    int reduce, jobs, quiet;
    double reduce_s, hang_s;
} opts;

static void on_signal(int sig)
{
    (void)sig;
    ms_tri_stop = 1;
}

static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = 0; /* repeated signals too: the cleanup is bounded (<= 10 s) */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static double parse_seconds(const char *opt, const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || !(v > 0) || v > 86400 * 7)
        ms_die("triage: %s needs a positive number of seconds, got '%s'", opt, s);
    return v;
}

/* ---- re-running: a pool of threads, each running one target at a time ---- */

typedef struct pool {
    const ms_tri_campaign *c;
    ms_tri_input *in;
    int n, next, done, quiet, tty;
    double crash_s, hang_s, t0;
    pthread_mutex_t mu;
    char fatal[256];
} pool;

static void rerun_one(pool *p, ms_tri_input *in)
{
    char err[256];
    char *text = NULL;
    size_t len = 0;
    if (ms_read_file(in->path, &text, &len, err, sizeof err) != 0) {
        in->v.cls = MS_TRI_FALSE;
        snprintf(in->v.kind, sizeof in->v.kind, "false-positive");
        snprintf(in->v.reason, sizeof in->v.reason, "cannot read: %s", err);
        in->done = 1;
        return;
    }
    double limit = in->from_hangs ? p->hang_s : p->crash_s;
    int rc = 0;
    if (ms_tri_has_debug_pragma(text, len)) {
        /* not run at all: `__debug overflow_stack` and friends can hang */
        in->r.err = strdup("");
    } else {
        rc = ms_tri_run(p->c, in->path, limit, in->from_hangs, &in->r, err, sizeof err);
    }
    if (rc != 0) {
        pthread_mutex_lock(&p->mu);
        snprintf(p->fatal, sizeof p->fatal, "%s", err);
        pthread_mutex_unlock(&p->mu);
        free(text);
        return;
    }
    if (!in->r.interrupted) {
        if (ms_tri_classify(p->c, in->path, text, len, &in->r, in->from_hangs, limit,
                            &in->v) != 0) {
            pthread_mutex_lock(&p->mu);
            snprintf(p->fatal, sizeof p->fatal, "out of memory");
            pthread_mutex_unlock(&p->mu);
        } else {
            in->done = 1;
        }
    }
    free(text);
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        int i = p->next < p->n && !ms_tri_stop && !p->fatal[0] ? p->next++ : -1;
        pthread_mutex_unlock(&p->mu);
        if (i < 0)
            return NULL;
        rerun_one(p, &p->in[i]);
        pthread_mutex_lock(&p->mu);
        p->done++;
        if (!p->quiet && (p->tty || p->done % 25 == 0 || p->done == p->n))
            fprintf(stderr, "%striage: re-ran %d/%d (%.0f s)%s", p->tty ? "\r" : "", p->done, p->n,
                    ms_tri_now() - p->t0, p->tty ? "" : "\n");
        pthread_mutex_unlock(&p->mu);
    }
}

static int rerun_all(pool *p, int jobs)
{
    pthread_mutex_init(&p->mu, NULL);
    if (jobs > p->n)
        jobs = p->n;
    pthread_t *th = calloc((size_t)(jobs > 0 ? jobs : 1), sizeof *th);
    if (!th)
        ms_die("out of memory");
    int started = 0;
    for (int i = 0; i < jobs; i++)
        if (pthread_create(&th[i], NULL, worker, p) == 0)
            started++;
        else
            break;
    if (started == 0 && p->n > 0)
        worker(p);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    free(th);
    pthread_mutex_destroy(&p->mu);
    if (!p->quiet && p->tty && p->n > 0)
        fputc('\n', stderr);
    return p->fatal[0] ? -1 : 0;
}

/* ---- bucketing ---- */

static int cmp_by_sig(const void *a, const void *b)
{
    const ms_tri_input *x = *(ms_tri_input *const *)a, *y = *(ms_tri_input *const *)b;
    int c = strcmp(x->v.signature, y->v.signature);
    return c ? c : strcmp(x->rel, y->rel);
}

static int cmp_bucket(const void *a, const void *b)
{
    const ms_tri_bucket *x = a, *y = b;
    if (x->n != y->n)
        return y->n - x->n;
    return strcmp(x->signature, y->signature);
}

static ms_tri_bucket *make_buckets(ms_tri_input *in, int n, int *nb)
{
    ms_tri_input **real = malloc(sizeof *real * (size_t)(n + 1));
    ms_tri_bucket *b = calloc((size_t)n + 1, sizeof *b);
    if (!real || !b)
        ms_die("out of memory");
    int nr = 0;
    for (int i = 0; i < n; i++)
        if (in[i].done && in[i].v.cls != MS_TRI_FALSE)
            real[nr++] = &in[i];
    qsort(real, (size_t)nr, sizeof *real, cmp_by_sig);
    *nb = 0;
    for (int i = 0; i < nr;) {
        int j = i;
        while (j < nr && !strcmp(real[j]->v.signature, real[i]->v.signature))
            j++;
        ms_tri_bucket *k = &b[(*nb)++];
        k->signature = real[i]->v.signature;
        k->kind = real[i]->v.kind;
        k->n = j - i;
        k->in = malloc(sizeof *k->in * (size_t)k->n);
        if (!k->in)
            ms_die("out of memory");
        memcpy(k->in, real + i, sizeof *k->in * (size_t)k->n);
        k->smallest = k->in[0];
        for (int m = 1; m < k->n; m++)
            if (k->in[m]->size < k->smallest->size)
                k->smallest = k->in[m];
        i = j;
    }
    free(real);
    qsort(b, (size_t)*nb, sizeof *b, cmp_bucket);
    for (int i = 0; i < *nb; i++) {
        snprintf(b[i].name, sizeof b[i].name, "%03d-%s", i + 1, b[i].smallest->v.slug);
        for (int m = 0; m < b[i].n; m++) /* only the smallest's stderr is kept */
            if (b[i].in[m] != b[i].smallest)
                ms_tri_result_free(&b[i].in[m]->r);
    }
    return b;
}

/* ---- reduction of one bucket ---- */

typedef struct reduce_ctx {
    const ms_tri_campaign *c;
    ms_tri_reduce_opts ro;
    const char *tmpdir;
    int quiet;
} reduce_ctx;

/* does text (written to path) still give signature? */
static int same_signature(const ms_tri_campaign *c, const char *path, const char *text, size_t len,
                          const char *signature)
{
    char err[256];
    if (ms_write_file(path, text, len, err, sizeof err) != 0)
        return 0;
    ms_tri_result r;
    ms_tri_verdict v;
    double limit = (double)c->timeout_ms / 1000.0;
    int ok = 0;
    if (ms_tri_run(c, path, limit, 0, &r, err, sizeof err) == 0) {
        if (ms_tri_classify(c, path, text, len, &r, 0, limit, &v) == 0) {
            ok = v.cls == MS_TRI_CRASH && !strcmp(v.signature, signature);
            ms_tri_verdict_free(&v);
        }
        ms_tri_result_free(&r);
    }
    unlink(path);
    return ok;
}

/* 0 done (b->reduced/note set), 2 interrupted */
static int reduce_bucket(reduce_ctx *x, ms_tri_bucket *b)
{
    size_t l = strlen(x->tmpdir) + strlen(b->name) + 32;
    char *bd = malloc(l), *wd = malloc(l), *probe = malloc(l);
    if (!bd || !wd || !probe)
        ms_die("out of memory");
    snprintf(bd, l, "%s/%s", x->tmpdir, b->name);
    snprintf(wd, l, "%s/reduce", bd);
    snprintf(probe, l, "%s/reduced.c", wd);
    if (mkdir(bd, 0755) != 0 && errno != EEXIST)
        ms_die("cannot create %s: %s", bd, strerror(errno));
    if (!x->quiet)
        fprintf(stderr, "triage: reducing %s (%zu bytes, at most %.0f s) ...\n", b->name,
                b->original_len, x->ro.time_s);
    double t0 = ms_tri_now();
    char *out = NULL, err[512];
    size_t outlen = 0;
    int rc = ms_tri_reduce(&x->ro, wd, b->original, b->original_len, b->signature, &out, &outlen,
                           err, sizeof err);
    if (rc == 2) {
        free(out);
        free(bd);
        free(wd);
        free(probe);
        return 2;
    }
    double dt = ms_tri_now() - t0;
    if (rc != 0) {
        snprintf(b->note, sizeof b->note, "not reduced: %s", err);
    } else if (outlen >= b->original_len) {
        snprintf(b->note, sizeof b->note, "cvise found nothing smaller in %.0f s%s%s", dt,
                 err[0] ? "; " : "", err);
    } else if (!same_signature(x->c, probe, out, outlen, b->signature)) {
        snprintf(b->note, sizeof b->note,
                 "cvise's result (%zu bytes) did not reproduce the signature; kept the original",
                 outlen);
    } else {
        snprintf(b->note, sizeof b->note, "reduced by cvise from %zu to %zu bytes in %.0f s%s%s",
                 b->original_len, outlen, dt, err[0] ? "; " : "", err);
        b->reduced = out;
        b->reduced_len = outlen;
        out = NULL;
    }
    if (!x->quiet)
        fprintf(stderr, "triage:   %s\n", b->note);
    free(out);
    free(bd);
    free(wd);
    free(probe);
    return 0;
}

/* ---- the hidden mode used by the cvise test scripts ---- */

static int signature_of(const char *file, const char *outdir)
{
    char err[512];
    ms_tri_campaign *c;
    if (ms_tri_campaign_load(&c, outdir, err, sizeof err) != 0)
        ms_die("triage: %s", err);
    char *text;
    size_t len;
    if (ms_read_file(file, &text, &len, err, sizeof err) != 0)
        ms_die("triage: %s", err);
    double limit = (double)c->timeout_ms / 1000.0;
    ms_tri_result r;
    memset(&r, 0, sizeof r);
    int rc = 1;
    if (!ms_tri_has_debug_pragma(text, len) &&
        ms_tri_run(c, file, limit, 0, &r, err, sizeof err) != 0)
        ms_die("triage: %s", err);
    if (!r.err && !(r.err = strdup("")))
        ms_die("out of memory");
    ms_tri_verdict v;
    if (ms_tri_classify(c, file, text, len, &r, 0, limit, &v) != 0)
        ms_die("out of memory");
    if (v.cls == MS_TRI_CRASH) {
        printf("%s\n", v.signature);
        rc = 0;
    } else {
        fprintf(stderr, "mutsmith: triage: %s: %s\n", file,
                v.cls == MS_TRI_HANG ? "hang" : v.reason);
    }
    ms_tri_verdict_free(&v);
    ms_tri_result_free(&r);
    free(text);
    ms_tri_campaign_free(c);
    return rc;
}

static char *self_exe(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    return strdup(buf);
}

int cmd_triage(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"no-reduce", no_argument, 0, 'R'},         {"reduce-time", required_argument, 0, 'T'},
        {"jobs", required_argument, 0, 'j'},        {"hang-timeout", required_argument, 0, 'H'},
        {"quiet", no_argument, 0, 'q'},             {"help", no_argument, 0, 'h'},
        {"signature-of", required_argument, 0, 'S'}, {"campaign", required_argument, 0, 'C'},
        {0, 0, 0, 0}};
    opts o = {.reduce = 1, .reduce_s = 300};
    const char *sig_file = NULL, *campaign = NULL;
    unsigned long long v;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'R': o.reduce = 0; break;
        case 'T': o.reduce_s = parse_seconds("--reduce-time", optarg); break;
        case 'H': o.hang_s = parse_seconds("--hang-timeout", optarg); break;
        case 'j':
            if (ms_parse_uint(optarg, &v) || v < 1 || v > 256)
                ms_die("triage: --jobs needs 1..256, got '%s'", optarg);
            o.jobs = (int)v;
            break;
        case 'q': o.quiet = 1; break;
        case 'S': sig_file = optarg; break;
        case 'C': campaign = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (sig_file) {
        if (!campaign || optind != argc)
            ms_die("triage: --signature-of FILE needs --campaign OUT and nothing else");
        return signature_of(sig_file, campaign);
    }
    if (argc - optind != 1) {
        usage(stderr);
        return 1;
    }
    if (o.jobs == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = n > 0 ? (int)(n > 256 ? 256 : n) : 1;
    }
    char *outdir = realpath(argv[optind], NULL);
    if (!outdir)
        ms_die("triage: cannot open campaign directory '%s': %s", argv[optind], strerror(errno));
    char err[512];
    ms_tri_campaign *c;
    if (ms_tri_campaign_load(&c, outdir, err, sizeof err) != 0)
        ms_die("triage: %s", err);
    if (strchr(c->target, '/') && access(c->target, X_OK) != 0)
        ms_die("triage: the campaign's target %s is not executable here: %s", c->target,
               strerror(errno));
    double crash_s = (double)c->timeout_ms / 1000.0;
    if (o.hang_s == 0)
        o.hang_s = crash_s * 10;

    ms_tri_input *in;
    int n;
    if (ms_tri_inputs_collect(outdir, &in, &n, err, sizeof err) != 0)
        ms_die("triage: %s", err);
    ms_tri_remove_stale(outdir);
    size_t tl = strlen(outdir) + 48;
    char *tmpdir = malloc(tl);
    if (!tmpdir)
        ms_die("out of memory");
    snprintf(tmpdir, tl, "%s/triage.tmp.%ld", outdir, (long)getpid());
    ms_tri_rmtree(tmpdir);
    if (mkdir(tmpdir, 0755) != 0)
        ms_die("triage: cannot create %s: %s", tmpdir, strerror(errno));
    install_handlers();

    int nhang = 0;
    for (int i = 0; i < n; i++)
        nhang += in[i].from_hangs;
    if (!o.quiet)
        fprintf(stderr,
                "triage: %d crash(es) and %d hang(s) in %s; re-running with %d job(s) "
                "(crashes %.1f s, hangs %.1f s)\n",
                n - nhang, nhang, outdir, o.jobs, crash_s, o.hang_s);
    pool p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.in = in;
    p.n = n;
    p.quiet = o.quiet;
    p.tty = isatty(2);
    p.crash_s = crash_s;
    p.hang_s = o.hang_s;
    p.t0 = ms_tri_now();
    int rc = 1;
    ms_tri_bucket *b = NULL;
    int nb = 0;
    if (rerun_all(&p, o.jobs) != 0) {
        ms_warn("triage: %s", p.fatal);
        goto cleanup;
    }
    if (ms_tri_stop)
        goto interrupted;

    b = make_buckets(in, n, &nb);
    for (int i = 0; i < nb; i++) {
        size_t len;
        if (ms_read_file(b[i].smallest->path, &b[i].original, &len, err, sizeof err) != 0) {
            ms_warn("triage: %s", err);
            goto cleanup;
        }
        b[i].original_len = len;
    }

    reduce_ctx x;
    memset(&x, 0, sizeof x);
    char *cvise = NULL, *self = NULL;
    if (o.reduce && nb > 0) {
        cvise = ms_tri_find_program("cvise");
        self = self_exe();
        if (!cvise && !o.quiet)
            fprintf(stderr, "triage: cvise not found (Debian package `cvise`): not reducing\n");
        if (!self)
            ms_warn("triage: cannot find my own executable: not reducing");
    }
    x.c = c;
    x.tmpdir = tmpdir;
    x.quiet = o.quiet;
    x.ro.cvise = cvise;
    x.ro.self_exe = self;
    x.ro.outdir = outdir;
    x.ro.jobs = o.jobs;
    x.ro.time_s = o.reduce_s;
    x.ro.test_timeout_s = crash_s * 2 + 10;
    x.ro.progress = !o.quiet;
    for (int i = 0; i < nb; i++) {
        if (!strcmp(b[i].kind, "hang"))
            snprintf(b[i].note, sizeof b[i].note,
                     "not reduced: hangs are not reduced (every test would take the long limit)");
        else if (!o.reduce)
            snprintf(b[i].note, sizeof b[i].note, "not reduced (--no-reduce)");
        else if (!cvise)
            snprintf(b[i].note, sizeof b[i].note, "not reduced: cvise not found");
        else if (!self)
            snprintf(b[i].note, sizeof b[i].note, "not reduced: own executable not found");
        else if (reduce_bucket(&x, &b[i]) == 2)
            break;
        if (ms_tri_stop)
            break;
    }
    free(cvise);
    free(self);
    if (ms_tri_stop)
        goto interrupted;

    for (int i = 0; i < nb; i++)
        if (ms_tri_write_bucket(tmpdir, &b[i], c, err, sizeof err) != 0) {
            ms_warn("triage: %s", err);
            goto cleanup;
        }
    if (ms_tri_write_false_positives(tmpdir, in, n, err, sizeof err) != 0 ||
        ms_tri_write_summary(tmpdir, outdir, b, nb, in, n, err, sizeof err) != 0) {
        ms_warn("triage: %s", err);
        goto cleanup;
    }
    if (ms_tri_stop)
        goto interrupted;
    if (ms_tri_publish(outdir, tmpdir, err, sizeof err) != 0) {
        ms_warn("triage: %s", err);
        goto cleanup;
    }
    ms_tri_print_table(stdout, b, nb, in, n);
    if (!o.quiet)
        fprintf(stderr, "triage: wrote %s/triage (%.0f s)\n", outdir, ms_tri_now() - p.t0);
    rc = 0;
    goto done;
interrupted:
    ms_warn("triage: interrupted; %s/triage left as it was", outdir);
    rc = 130;
cleanup:
    ms_tri_rmtree(tmpdir);
done:
    for (int i = 0; i < nb; i++) {
        free(b[i].in);
        free(b[i].original);
        free(b[i].reduced);
    }
    free(b);
    ms_tri_inputs_free(in, n);
    ms_tri_campaign_free(c);
    free(tmpdir);
    free(outdir);
    return rc;
}
