/*
 * cmd_try.c - `mutsmith try FILE.c`: what the generator does with an
 * LLM-written mutator, on any mutator source: compile and link it alone
 * into its own checker (candidate_build.c), validate it in the sandbox
 * (candidate_check.c), and print the verdict, figures, evidence and sample
 * diffs. The mutator's name is the file stem. Exit: 0 OK, 2 another
 * verdict, 1 usage or set-up error.
 */
#include "candidate.h"
#include "commands.h"
#include "engine.h"
#include "gen.h"
#include "genutil.h"
#include "util.h"

#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith try FILE.c [options]\n"
            "\n"
            "Compile FILE.c as the generator compiles a candidate (strict warnings,\n"
            "-Werror, ASan+UBSan, its own one-entry registry, a symbol check), validate\n"
            "it in the sandbox (no network, no file writes, leak checks) and print the\n"
            "verdict: OK, NotCompile, Forbidden, Crash, Hang, Leak, NoChange, ApplyFail,\n"
            "InvalidChange, Error. The mutator's name is the file stem.\n"
            "  --corpus DIR     test programs: DIR/*.c (default: corpus in the source tree)\n"
            "  --file F         test program F (repeatable; replaces --corpus)\n"
            "  --seeds N        seeds per file (default 2, as `generate`)\n"
            "  --timeout S      seconds per mutation (default 10)\n"
            "  --keep DIR       work in DIR (created) and keep it\n"
            "Exit: 0 OK, 2 another verdict, 1 usage or set-up error.\n");
}

static void indent(const char *text)
{
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) + 1 : strlen(p);
        printf("  %.*s", (int)l, p);
        if (!e)
            putchar('\n');
        p += l;
    }
}

/* the work directory holds only files the tools wrote, no sub-directories */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char *p = gen_path(dir, e->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

int cmd_try(int argc, char **argv)
{
    enum { O_CORPUS = 256, O_FILE, O_SEEDS, O_TIMEOUT, O_KEEP };
    static const struct option longopts[] = {
        {"corpus", required_argument, 0, O_CORPUS}, {"file", required_argument, 0, O_FILE},
        {"seeds", required_argument, 0, O_SEEDS},   {"timeout", required_argument, 0, O_TIMEOUT},
        {"keep", required_argument, 0, O_KEEP},     {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *corpus = NULL, *keep = NULL;
    char **files = NULL;
    int nfiles = 0, seeds = 2;
    double timeout = 10;
    unsigned long long v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case O_CORPUS: corpus = optarg; break;
        case O_FILE:
            files = realloc(files, (size_t)(nfiles + 1) * sizeof *files);
            if (!files)
                ms_die("out of memory");
            files[nfiles++] = strdup(optarg);
            break;
        case O_SEEDS:
            if (ms_parse_uint(optarg, &v) || v < 1 || v > 64)
                ms_die("try: --seeds needs 1..64, got '%s'", optarg);
            seeds = (int)v;
            break;
        case O_TIMEOUT: {
            char *end;
            timeout = strtod(optarg, &end);
            if (*end || timeout <= 0)
                ms_die("try: --timeout needs a positive number of seconds, got '%s'", optarg);
            break;
        }
        case O_KEEP: keep = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return 1;
    }
    const char *path = argv[optind];
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[64];
    size_t bl = strlen(base);
    if (bl < 3 || bl - 2 >= sizeof name || strcmp(base + bl - 2, ".c") != 0)
        ms_die("try: %s: the file must be NAME.c", path);
    snprintf(name, sizeof name, "%.*s", (int)(bl - 2), base);
    if (!gen_valid_name(name))
        ms_die("try: '%s' is not a valid mutator name ([a-z][a-z0-9_]{2,47})", name);
    char *code = gen_slurp(path, NULL);
    if (!code)
        ms_die("try: cannot read %s", path);

    cand_env env = {gen_src_root(), gen_build_dir(), NULL, timeout};
    if (nfiles == 0) {
        char *dir = corpus ? strdup(corpus) : gen_path(env.src_root, "corpus");
        nfiles = gen_list_files(dir, ".c", &files);
        if (nfiles == 0)
            ms_die("try: no .c files in %s", dir);
        free(dir);
    }
    char work[4096];
    if (keep) {
        snprintf(work, sizeof work, "%s", keep);
        if (gen_mkdirs(work) != 0)
            ms_die("try: cannot create %s", work);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(work, sizeof work, "%s/mutsmith-try-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(work))
            ms_die("try: cannot create a temporary directory");
    }
    char *dst = gen_path(work, base);
    if (gen_write_atomic(dst, code, strlen(code)) != 0)
        ms_die("try: cannot write %s", dst);
    free(dst);
    free(code);

    char err[1024] = "";
    int rc = 1;
    cand_build b;
    cand_validation val;
    memset(&val, 0, sizeof val);
    double t0 = ms_now_us();
    if (cand_compile(&env, name, work, &b, err, sizeof err) != 0) {
        fprintf(stderr, "mutsmith try: %s\n", err);
        goto out;
    }
    double t1 = ms_now_us();
    if (!b.ok) {
        printf("verdict: %s\n", b.forbidden ? "Forbidden" : "NotCompile");
        printf("time: compile %.1f s\nevidence:\n", (t1 - t0) / 1e6);
        indent(b.errors ? b.errors : "(none)");
        rc = 2;
        goto out;
    }
    if (cand_validate(&env, &b, name, (const char *const *)files, nfiles, seeds, work, &val,
                      err, sizeof err) != 0) {
        fprintf(stderr, "mutsmith try: %s\n", err);
        goto out;
    }
    double t2 = ms_now_us();
    printf("verdict: %s\n", val.verdict);
    printf("files: %d, applicable %d (%.1f%%); runs %d, mutated %d; valid %d of %d (%.1f%%); "
           "%.1f us/mutation\n",
           val.files, val.files_applicable, 100 * val.applicability, val.runs, val.mutated,
           val.valid, val.checked, 100 * val.validity, val.us_per_mutation);
    printf("time: compile %.1f s, validation %.1f s, total %.1f s\n", (t1 - t0) / 1e6,
           (t2 - t1) / 1e6, (t2 - t0) / 1e6);
    if (val.evidence && *val.evidence) {
        printf("evidence:\n");
        indent(val.evidence);
    }
    for (int i = 0; i < val.nsamples; i++) {
        printf("---- sample %d: %s, seed %llu, %s\n", i + 1, val.samples[i].file,
               val.samples[i].seed, val.samples[i].valid ? "valid" : "INVALID");
        fputs(val.samples[i].diff ? val.samples[i].diff : "", stdout);
    }
    rc = strcmp(val.verdict, "OK") == 0 ? 0 : 2;
out:
    cand_validation_free(&val);
    cand_build_free(&b);
    gen_free_list(files, nfiles);
    if (!keep)
        remove_dir(work);
    return rc;
}
