/*
 * bench_mutate.c - speed and memory of the mutation engine, measured side by
 * side in one run so that the ratios survive a noisy machine:
 *   1. parse + one mutation of a small header-free seed (median),
 *   2. parse + one mutation of a large (Csmith) program (median),
 *   3. one further mutation of an already-parsed input (median), and its
 *      ratio to (1): what parsing once per AFL queue entry buys,
 *   4. RSS over N mutations in one process, re-parsing a file every 100
 *      mutations: growth between the 10% mark and the end.
 * Usage: bench_mutate SMALL.c LARGE.c [N] [-- CFLAGS for LARGE]
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(1);
    }
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n ? v[n / 2] : 0;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kb;
}

/* One mutation by a mutator chosen by the seed among those that apply. */
static int mutate_once(ms_unit *u, unsigned long long seed)
{
    for (int k = 0; k < ms_registry_count; k++) {
        const ms_mutator *m = ms_registry[(seed + (unsigned long long)k) % (unsigned)ms_registry_count];
        ms_run_opts o = {seed, -1, 0};
        ms_run_result r;
        ms_run(u, m, &o, &r);
        if (r.status == MS_MUTATED) {
            free(r.out);
            return 1;
        }
    }
    return 0;
}

static double parse_and_mutate(const char *buf, size_t len, const ms_parse_opts *po, int iters,
                               double *parse_only)
{
    double *t = malloc(sizeof *t * (size_t)iters), *p = malloc(sizeof *p * (size_t)iters);
    for (int i = 0; i < iters; i++) {
        double t0 = ms_now_us();
        ms_unit *u;
        if (ms_unit_parse(&u, buf, len, po, NULL, 0) != MS_PARSE_OK) {
            fprintf(stderr, "bench: parse failed\n");
            exit(1);
        }
        double t1 = ms_now_us();
        mutate_once(u, (unsigned long long)i);
        ms_unit_free(u);
        t[i] = ms_now_us() - t0;
        p[i] = t1 - t0;
    }
    double m = median(t, iters);
    *parse_only = median(p, iters);
    free(t);
    free(p);
    return m;
}

int main(int argc, char **argv)
{
    int nextra = 0;
    char **extra = NULL;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            extra = argv + i + 1;
            nextra = argc - i - 1;
            argc = i;
            break;
        }
    if (argc < 3) {
        fprintf(stderr, "usage: bench_mutate SMALL.c LARGE.c [N] [-- CFLAGS]\n");
        return 1;
    }
    long nmut = argc > 3 ? strtol(argv[3], NULL, 10) : 100000;
    size_t slen, llen;
    char *small = slurp(argv[1], &slen), *large = slurp(argv[2], &llen);
    ms_parse_opts po_small = {NULL, 0, "small.c"};
    ms_parse_opts po_large = {(const char *const *)extra, nextra, "large.c"};

    /* warm up the index and the page cache */
    double dummy;
    parse_and_mutate(small, slen, &po_small, 5, &dummy);

    double p_small, p_large;
    double small_ms = parse_and_mutate(small, slen, &po_small, 200, &p_small) / 1000;
    double large_ms = parse_and_mutate(large, llen, &po_large, 15, &p_large) / 1000;

    /* further mutants of one parsed input */
    ms_unit *u;
    ms_unit_parse(&u, small, slen, &po_small, NULL, 0);
    int iters = 5000;
    double *t = malloc(sizeof *t * (size_t)iters);
    int applied = 0;
    for (int i = 0; i < iters; i++) {
        double t0 = ms_now_us();
        applied += mutate_once(u, (unsigned long long)i * 7919u);
        t[i] = ms_now_us() - t0;
    }
    double further_ms = median(t, iters) / 1000;
    free(t);
    ms_unit_free(u);

    /* memory over many mutations, re-parsing every 100 */
    long rss_warm = 0, rss_peak = 0;
    ms_unit *cur = NULL;
    for (long i = 0; i < nmut; i++) {
        if (i % 100 == 0) {
            ms_unit_free(cur);
            ms_unit_parse(&cur, small, slen, &po_small, NULL, 0);
        }
        mutate_once(cur, (unsigned long long)i);
        if (i == nmut / 10)
            rss_warm = rss_kb();
        if (i % 1000 == 0 && rss_kb() > rss_peak)
            rss_peak = rss_kb();
    }
    ms_unit_free(cur);
    long rss_end = rss_kb();
    if (rss_end > rss_peak)
        rss_peak = rss_end;
    double growth = rss_warm > 0 ? 100.0 * (double)(rss_peak - rss_warm) / (double)rss_warm : 0;

    printf("input                      small %zu bytes, large %zu bytes\n", slen, llen);
    printf("%-44s %10s %10s %8s\n", "measure", "measured", "target", "ratio");
    printf("%-44s %8.3f ms %7.3f ms %8.2f\n", "parse+mutate, small seed (median of 200)", small_ms, 5.0,
           small_ms / 5.0);
    printf("%-44s %8.3f ms %7.3f ms %8.2f\n", "  of which parse", p_small / 1000, 5.0, p_small / 1000 / 5.0);
    printf("%-44s %8.1f ms %7.1f ms %8.2f\n", "parse+mutate, large program (median of 15)", large_ms, 200.0,
           large_ms / 200.0);
    printf("%-44s %8.4f ms %7.3f ms %8.2f\n", "further mutant of a parsed input (median)", further_ms, 0.1,
           further_ms / 0.1);
    printf("%-44s %8.1fx\n", "parse+mutate / further mutant", small_ms / further_ms);
    printf("%-44s %8ld KB -> %ld KB peak (%+.2f%%, target < 5%%)\n", "RSS over mutations",
           rss_warm, rss_peak, growth);
    printf("mutations: %ld, applied in further-mutant loop: %d/%d\n", nmut, applied, iters);
    ms_index_dispose();
    free(small);
    free(large);
    return 0;
}
