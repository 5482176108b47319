/*
 * cmd_mutate.c - `mutsmith mutate`: parse one file, run one mutator (named or
 * random), write the mutant. Exit codes: 0 mutated, 1 usage/IO/internal
 * error, 2 input could not be parsed at all, 3 no applicable site.
 */
#include "commands.h"
#include "engine.h"
#include "util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

enum { EXIT_MUTATED = 0, EXIT_ERR = 1, EXIT_PARSE = 2, EXIT_NOSITE = 3 };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith mutate (-m NAME | --random) [options] FILE [-- CFLAGS...]\n"
            "\n"
            "Write one mutant of FILE (- = stdin) to stdout or -o OUT.\n"
            "  -m, --mutator NAME   the mutator to apply (see `mutsmith list`)\n"
            "  -r, --random         try mutators in random order until one applies\n"
            "  -s, --seed N         PRNG seed (default: random, shown with -v)\n"
            "  -k, --site K         mutate the K-th applicable site (0-based)\n"
            "  -c, --count          print the number of applicable sites instead\n"
            "  -o, --output OUT     write the mutant to OUT (atomically)\n"
            "  -v, --verbose        report seed, mutator and site count on stderr\n"
            "Compiler arguments after -- (-I, -D, -std=) are used for parsing.\n"
            "Exit: 0 mutated, 1 usage/IO/internal error, 2 input not parseable,\n"
            "      3 no applicable site.\n");
}

/* Run m on u; 0 mutated (*out set), 3 nothing to do, 1 internal error. */
static int try_one(ms_unit *u, const ms_mutator *m, unsigned long long seed, int site,
                   char **out, size_t *outlen, int verbose)
{
    ms_run_opts o = {seed, site, 0};
    ms_run_result r;
    ms_run(u, m, &o, &r);
    if (r.status == MS_ERROR) {
        ms_warn("%s", r.err);
        return EXIT_ERR;
    }
    if (r.status != MS_MUTATED)
        return EXIT_NOSITE;
    size_t len;
    const char *src = ms_unit_source(u, &len);
    if (r.outlen == len && memcmp(r.out, src, len) == 0) {
        if (verbose)
            ms_warn("%s: made no change", m->name);
        free(r.out);
        return EXIT_NOSITE;
    }
    if (verbose)
        ms_warn("mutator %s, %d site(s), seed %llu", m->name, r.nsites, seed);
    *out = r.out;
    *outlen = r.outlen;
    return EXIT_MUTATED;
}

int cmd_mutate(int argc, char **argv)
{
    char **cargs;
    int ncargs;
    ms_split_args(&argc, argv, &cargs, &ncargs);

    static const struct option longopts[] = {
        {"mutator", required_argument, 0, 'm'}, {"random", no_argument, 0, 'r'},
        {"seed", required_argument, 0, 's'},    {"site", required_argument, 0, 'k'},
        {"count", no_argument, 0, 'c'},         {"output", required_argument, 0, 'o'},
        {"verbose", no_argument, 0, 'v'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *name = NULL, *outpath = NULL;
    int random = 0, count = 0, verbose = 0, site = -1, have_seed = 0;
    unsigned long long seed = 0, v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "m:rs:k:co:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': name = optarg; break;
        case 'r': random = 1; break;
        case 's':
            if (ms_parse_uint(optarg, &seed)) {
                ms_warn("mutate: --seed needs a non-negative integer, got '%s'", optarg);
                return EXIT_ERR;
            }
            have_seed = 1;
            break;
        case 'k':
            if (ms_parse_uint(optarg, &v) || v > 1000000000ull) {
                ms_warn("mutate: --site needs a non-negative integer, got '%s'", optarg);
                return EXIT_ERR;
            }
            site = (int)v;
            break;
        case 'c': count = 1; break;
        case 'o': outpath = optarg; break;
        case 'v': verbose = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return EXIT_ERR;
        }
    }
    if (optind != argc - 1 || (!name && !random) || (name && random)) {
        if (optind >= argc)
            ms_warn("mutate: missing FILE");
        else if (optind < argc - 1)
            ms_warn("mutate: one FILE expected, got '%s' and more", argv[optind]);
        else
            ms_warn("mutate: give exactly one of -m NAME or --random");
        usage(stderr);
        return EXIT_ERR;
    }
    const ms_mutator *m = NULL;
    if (name && !(m = ms_registry_find(name))) {
        ms_warn("mutate: no mutator named '%s' (see `mutsmith list`)", name);
        return EXIT_ERR;
    }
    if (!have_seed && getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed)
        seed = (unsigned long long)ms_now_us();

    const char *path = argv[optind];
    char err[512];
    char *buf;
    size_t len;
    if (ms_read_file(path, &buf, &len, err, sizeof err)) {
        ms_warn("%s", err);
        return EXIT_ERR;
    }
    ms_parse_opts po = {(const char *const *)cargs, ncargs, strcmp(path, "-") ? path : "stdin.c"};
    ms_unit *u;
    if (ms_unit_parse(&u, buf, len, &po, err, sizeof err) != MS_PARSE_OK) {
        ms_warn("%s: %s", path, err);
        free(buf);
        return EXIT_PARSE;
    }
    free(buf);
    if (verbose && ms_unit_errors(u))
        ms_warn("%s: %d parse error(s); mutating what parsed", path, ms_unit_errors(u));

    int rc = EXIT_NOSITE;
    char *out = NULL;
    size_t outlen = 0;
    if (count) {
        int total = 0;
        for (int i = 0; i < ms_registry_count; i++) {
            const ms_mutator *mm = m ? m : ms_registry[i];
            ms_run_opts o = {seed, -1, 1};
            ms_run_result r;
            ms_run(u, mm, &o, &r);
            if (m) {
                printf("%d\n", r.nsites);
                total = r.nsites;
                break;
            }
            if (r.nsites > 0)
                printf("%-28s %d\n", mm->name, r.nsites);
            total += r.nsites;
        }
        ms_unit_free(u);
        return total > 0 ? EXIT_MUTATED : EXIT_NOSITE;
    }
    if (m) {
        rc = try_one(u, m, seed, site, &out, &outlen, verbose);
    } else {
        /* random order: a seeded Fisher-Yates shuffle of the registry */
        int n = ms_registry_count;
        int *order = malloc((size_t)n * sizeof *order);
        if (!order)
            ms_die("out of memory");
        for (int i = 0; i < n; i++)
            order[i] = i;
        unsigned long long s = seed;
        for (int i = n - 1; i > 0; i--) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            int j = (int)((s >> 33) % (unsigned long long)(i + 1));
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < n && rc == EXIT_NOSITE; i++)
            rc = try_one(u, ms_registry[order[i]], seed, site, &out, &outlen, verbose);
        free(order);
    }
    ms_unit_free(u);
    if (rc == EXIT_NOSITE) {
        if (verbose || m)
            ms_warn("%s: no applicable site%s%s", path, m ? " for " : "", m ? m->name : "");
        return rc;
    }
    if (rc != EXIT_MUTATED)
        return rc;
    if (ms_write_file(outpath, out, outlen, err, sizeof err)) {
        ms_warn("%s", err);
        free(out);
        return EXIT_ERR;
    }
    free(out);
    return EXIT_MUTATED;
}
