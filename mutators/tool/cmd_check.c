/*
 * cmd_check.c - `mutsmith check`: the validation sweep of the registered
 * mutators over a corpus directory (see sweep.c), printed as a table or JSON.
 * Exit status: 0 when no mutator crashed, hung, leaked or reported errors, 4
 * when one did, 1 on usage or I/O errors.
 */
#include "commands.h"
#include "sweep.h"
#include "util.h"

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith check [NAME...] [options] [-- CFLAGS...]\n"
            "\n"
            "Run each mutator (default: all) on every .c file under the corpus with\n"
            "several seeds, each (mutator, file) in a child process under a time limit,\n"
            "and give it a verdict: OK, NoChange, ApplyFail, InvalidChange, Crash, Hang,\n"
            "Error, and Leak with --leak-check.\n"
            "  --corpus DIR        directory searched recursively for *.c (default: corpus)\n"
            "  --file F            check on file F (repeatable; replaces --corpus)\n"
            "  --seeds N           seeds per file (default 3, at most 64)\n"
            "  --seed N            first seed (default 1); seed i is N+i\n"
            "  --jobs N            parallel children (default: number of CPUs)\n"
            "  --timeout S         seconds per mutation incl. its validity check (default 10)\n"
            "  --min-validity P    below P%% valid mutants: InvalidChange (default 50)\n"
            "  --leak-check        after each call, look for leaked memory (ASan build)\n"
            "  --fail-fast         stop a mutator's jobs after its first Crash, Hang or Leak\n"
            "  --json              print JSON instead of the table\n"
            "  -q, --quiet         no progress on stderr\n"
            "Validity: the mutant of an input that compiles must compile too (libclang\n"
            "parse with the same arguments as `clang -fsyntax-only`).\n"
            "Exit: 0 no Crash/Hang/Error/Leak verdict, 4 otherwise, 1 usage or I/O error.\n");
}

typedef struct strvec {
    char **v;
    int n, cap;
} strvec;

static void sv_push(strvec *s, const char *str)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
        if (!s->v)
            ms_die("out of memory");
    }
    s->v[s->n] = strdup(str);
    if (!s->v[s->n])
        ms_die("out of memory");
    s->n++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int find_c_files(const char *dir, strvec *out, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t pl = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(pl);
        if (!path)
            ms_die("out of memory");
        snprintf(path, pl, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0) {
            size_t nl = strlen(e->d_name);
            if (S_ISDIR(st.st_mode) && depth < 8)
                find_c_files(path, out, depth + 1);
            else if (S_ISREG(st.st_mode) && nl > 2 && !strcmp(e->d_name + nl - 2, ".c"))
                sv_push(out, path);
        }
        free(path);
    }
    closedir(d);
    return 0;
}

int cmd_check(int argc, char **argv)
{
    char **cargs;
    int ncargs;
    ms_split_args(&argc, argv, &cargs, &ncargs);
    static const struct option longopts[] = {
        {"corpus", required_argument, 0, 'C'}, {"file", required_argument, 0, 'f'},
        {"seeds", required_argument, 0, 'n'},  {"seed", required_argument, 0, 's'},
        {"jobs", required_argument, 0, 'j'},   {"timeout", required_argument, 0, 't'},
        {"min-validity", required_argument, 0, 'V'}, {"json", no_argument, 0, 'J'},
        {"quiet", no_argument, 0, 'q'},        {"help", no_argument, 0, 'h'},
        {"leak-check", no_argument, 0, 'L'},   {"fail-fast", no_argument, 0, 'F'},
        {0, 0, 0, 0}};
    const char *corpus = "corpus";
    strvec files = {0};
    int json = 0, quiet = 0;
    ms_sweep_opts o;
    memset(&o, 0, sizeof o);
    o.seeds = 3;
    o.base_seed = 1;
    o.timeout_s = 10;
    o.min_validity = 0.5;
    unsigned long long v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'C': corpus = optarg; break;
        case 'f': sv_push(&files, optarg); break;
        case 'n':
            if (ms_parse_uint(optarg, &v) || v < 1 || v > 64)
                ms_die("check: --seeds needs 1..64, got '%s'", optarg);
            o.seeds = (int)v;
            break;
        case 's':
            if (ms_parse_uint(optarg, &v))
                ms_die("check: --seed needs a non-negative integer, got '%s'", optarg);
            o.base_seed = v;
            break;
        case 'j':
            if (ms_parse_uint(optarg, &v) || v < 1 || v > 256)
                ms_die("check: --jobs needs 1..256, got '%s'", optarg);
            o.jobs = (int)v;
            break;
        case 't': {
            char *end;
            o.timeout_s = strtod(optarg, &end);
            if (*end || o.timeout_s <= 0)
                ms_die("check: --timeout needs a positive number of seconds, got '%s'", optarg);
            break;
        }
        case 'V': {
            char *end;
            double p = strtod(optarg, &end);
            if (*end || p < 0 || p > 100)
                ms_die("check: --min-validity needs 0..100, got '%s'", optarg);
            o.min_validity = p / 100.0;
            break;
        }
        case 'J': json = 1; break;
        case 'L':
            if (!ms_sweep_can_check_leaks())
                ms_die("check: --leak-check needs the ASan build (build/asan/mutsmith)");
            o.leak_check = 1;
            break;
        case 'F': o.fail_fast = 1; break;
        case 'q': quiet = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    /* mutators: positional names, default all */
    int nm = argc - optind;
    const ms_mutator **muts = malloc(sizeof *muts * (size_t)(nm > 0 ? nm : ms_registry_count));
    if (!muts)
        ms_die("out of memory");
    if (nm > 0) {
        for (int i = 0; i < nm; i++) {
            muts[i] = ms_registry_find(argv[optind + i]);
            if (!muts[i])
                ms_die("check: no mutator named '%s' (see `mutsmith list`)", argv[optind + i]);
        }
    } else {
        nm = ms_registry_count;
        for (int i = 0; i < nm; i++)
            muts[i] = ms_registry[i];
    }
    if (files.n == 0) {
        if (find_c_files(corpus, &files, 0) != 0)
            ms_die("check: cannot read corpus directory '%s'", corpus);
        if (files.n == 0)
            ms_die("check: no .c files under '%s'", corpus);
        qsort(files.v, (size_t)files.n, sizeof *files.v, cmp_str);
    }
    o.files = (const char *const *)files.v;
    o.nfiles = files.n;
    o.parse.args = (const char *const *)cargs;
    o.parse.nargs = ncargs;
    o.progress = !quiet;
    if (!quiet)
        fprintf(stderr, "mutsmith check: %d mutator(s) x %d file(s) x %d seed(s)\n", nm,
                files.n, o.seeds);
    ms_sweep_stats *stats = calloc((size_t)nm, sizeof *stats);
    if (!stats)
        ms_die("out of memory");
    double t0 = ms_now_us();
    if (ms_sweep(muts, nm, &o, stats) != 0)
        return 1;
    if (json)
        ms_sweep_print_json(stdout, stats, nm, &o);
    else
        ms_sweep_print_table(stdout, stats, nm);
    if (!quiet)
        fprintf(stderr, "mutsmith check: done in %.1f s\n", (ms_now_us() - t0) / 1e6);
    int bad = 0;
    for (int i = 0; i < nm; i++)
        bad |= stats[i].verdict == MS_V_CRASH || stats[i].verdict == MS_V_HANG ||
               stats[i].verdict == MS_V_ERROR || stats[i].verdict == MS_V_LEAK;
    for (int i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    free(stats);
    free(muts);
    return bad ? 4 : 0;
}
