/*
 * cmd_review.c - the review queue of LLM-written mutators:
 *   mutsmith review               pending candidates with their figures
 *   mutsmith show NAME            description, figures, history, code, diffs
 *   mutsmith accept NAME          into the library (mutators/NAME.c) with a
 *                                 golden test from its sample; `make` builds it
 *                                 into the CLI and the plugin
 *   mutsmith reject NAME --reason "..."   recorded; invention avoids it
 * Records move, never vanish: accepted ones to mutators/accepted/NAME.json,
 * rejected ones (with the code as NAME.c.txt) to mutators/rejected/.
 */
#include "commands.h"
#include "gen.h"
#include "genutil.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char *pending_path(const char *name, const char *ext)
{
    gbuf p = {0};
    gbuf_printf(&p, "%s/mutators/pending/%s.%s", gen_src_root(), name, ext);
    return gbuf_take(&p);
}

static cJSON *load_record(const char *name, char *err, size_t errlen)
{
    if (!gen_valid_name(name)) {
        snprintf(err, errlen, "'%s' is not a mutator name", name);
        return NULL;
    }
    char *p = pending_path(name, "json");
    char *text = gen_slurp(p, NULL);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    if (!text)
        snprintf(err, errlen, "no pending candidate '%s' (%s: %s); see `mutsmith review`", name, p,
                 strerror(errno));
    else if (!j)
        snprintf(err, errlen, "%s is not valid JSON", p);
    free(text);
    free(p);
    return j;
}

static double num(const cJSON *j, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static const char *str(const cJSON *j, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

int cmd_review(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        printf("usage: mutsmith review\n\nList the candidates waiting in mutators/pending/ with "
               "their validation figures.\nThen: mutsmith show NAME, mutsmith accept NAME, "
               "mutsmith reject NAME --reason TEXT.\n");
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "usage: mutsmith review\n");
        return 1;
    }
    char *dir = gen_path(gen_src_root(), "mutators/pending");
    char **files;
    int n = gen_list_files(dir, ".json", &files);
    free(dir);
    if (n == 0) {
        printf("no pending candidates (mutators/pending/ is empty); make some with "
               "`mutsmith generate`\n");
        return 0;
    }
    printf("%-38s %-8s %9s %9s %8s %7s %9s  %s\n", "name", "verdict", "validity", "applies",
           "us/mut", "queries", "tokens", "description");
    for (int i = 0; i < n; i++) {
        char *text = gen_slurp(files[i], NULL);
        cJSON *j = text ? cJSON_Parse(text) : NULL;
        if (j)
            printf("%-38s %-8s %8.1f%% %8.0f%% %8.1f %7.0f %9.0f  %s\n", str(j, "name"),
                   str(j, "verdict"), 100 * num(j, "validity"), 100 * num(j, "applicability"),
                   num(j, "us_per_mutation"), num(j, "queries_total"),
                   num(j, "prompt_tokens") + num(j, "completion_tokens"), str(j, "description"));
        else
            printf("%-38s (unreadable record %s)\n", "?", files[i]);
        cJSON_Delete(j);
        free(text);
    }
    gen_free_list(files, n);
    return 0;
}

static void print_diff(const char *diff, int color)
{
    for (const char *l = diff; l && *l;) {
        const char *e = strchr(l, '\n');
        int len = e ? (int)(e - l) : (int)strlen(l);
        const char *c = "";
        if (color) {
            if (*l == '+' && strncmp(l, "+++", 3) != 0)
                c = "\033[32m";
            else if (*l == '-' && strncmp(l, "---", 3) != 0)
                c = "\033[31m";
            else if (*l == '@')
                c = "\033[36m";
        }
        printf("%s%.*s%s\n", c, len, l, *c ? "\033[0m" : "");
        l = e ? e + 1 : NULL;
    }
}

int cmd_show(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(argc == 2 ? stdout : stderr, "usage: mutsmith show NAME\n\nPrint a pending "
                "candidate: description, figures, validation history, code, sample diffs.\n");
        return argc == 2 && strcmp(argv[1], "--help") == 0 ? 0 : 1;
    }
    char err[512];
    cJSON *j = load_record(argv[1], err, sizeof err);
    if (!j) {
        fprintf(stderr, "mutsmith show: %s\n", err);
        return 1;
    }
    int color = isatty(1) && !getenv("NO_COLOR");
    printf("%s: %s\n\n", str(j, "name"), str(j, "description"));
    printf("verdict %s; validity %.1f%% (%.0f of %.0f mutants of valid inputs compile); applies "
           "to %.0f of %.0f files; %.0f of %.0f runs mutated; %.1f us per mutation\n",
           str(j, "verdict"), 100 * num(j, "validity"), num(j, "valid"), num(j, "checked"),
           num(j, "files_applicable"), num(j, "files"), num(j, "mutated"), num(j, "runs"),
           num(j, "us_per_mutation"));
    const cJSON *sweep = cJSON_GetArrayItem(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(j, "sweep"), "mutators"),
        0);
    if (*str(sweep, "first_problem"))
        printf("first problem: %s (reproduce: mutsmith mutate -m %s --seed %.0f %s)\n",
               str(sweep, "first_problem"), str(j, "name"), num(sweep, "problem_seed"),
               str(sweep, "problem_file"));
    printf("made by %s (%s) on %s; %.0f queries, %.0f prompt + %.0f completion tokens%s, "
           "%.4f USD\n",
           str(j, "model"), str(j, "backend"), str(j, "created"), num(j, "queries_total"),
           num(j, "prompt_tokens"), num(j, "completion_tokens"),
           cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "tokens_estimated")) ? " (estimated)"
                                                                                 : "",
           num(j, "cost_usd"));
    const cJSON *h;
    printf("history:");
    cJSON_ArrayForEach(h, cJSON_GetObjectItemCaseSensitive(j, "history"))
        printf(" %s", str(h, "verdict"));
    printf("\ntranscript: %s\n\n", str(j, "transcript"));
    char *cp = pending_path(str(j, "name"), "c");
    char *code = gen_slurp(cp, NULL);
    printf("---- %s\n%s\n", cp, code ? code : "(missing)");
    free(code);
    free(cp);
    const cJSON *s;
    int i = 0;
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(j, "samples"))
    {
        printf("---- sample %d: %s, seed %.0f (%s)\n", ++i, str(s, "file"), num(s, "seed"),
               cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "valid")) ? "compiles"
                                                                          : "does not compile");
        print_diff(str(s, "diff"), color);
    }
    cJSON_Delete(j);
    return 0;
}

static int move_file(const char *from, const char *to)
{
    if (rename(from, to) == 0)
        return 0;
    fprintf(stderr, "mutsmith: cannot move %s to %s: %s\n", from, to, strerror(errno));
    return -1;
}

static int write_text(const char *path, const char *text)
{
    if (gen_write_atomic(path, text, strlen(text)) == 0)
        return 0;
    fprintf(stderr, "mutsmith: cannot write %s: %s\n", path, strerror(errno));
    return -1;
}

int cmd_accept(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: mutsmith accept NAME\n\nMove a pending candidate into the library "
                        "(mutators/NAME.c) and write its golden test\n(tests/golden/NAME/) from "
                        "its first sample; `make` then builds it into\nmutsmith and the AFL++ "
                        "plugin.\n");
        return argc == 2 && strcmp(argv[1], "--help") == 0 ? 0 : 1;
    }
    const char *name = argv[1];
    char err[512];
    cJSON *j = load_record(name, err, sizeof err);
    if (!j) {
        fprintf(stderr, "mutsmith accept: %s\n", err);
        return 1;
    }
    const char *root = gen_src_root();
    gbuf p = {0};
    gbuf_printf(&p, "%s/mutators/%s.c", root, name);
    char *lib = gbuf_take(&p);
    if (gen_exists(lib)) {
        fprintf(stderr, "mutsmith accept: %s exists already\n", lib);
        cJSON_Delete(j);
        free(lib);
        return 1;
    }
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(j, "golden");
    if (!cJSON_IsObject(g) || !*str(g, "output")) {
        fprintf(stderr, "mutsmith accept: the record of %s has no golden sample; validate it "
                        "again with `mutsmith generate` or write tests/golden/%s/ by hand\n",
                name, name);
        cJSON_Delete(j);
        free(lib);
        return 1;
    }
    /* golden test first: a library mutator without one fails `make test` */
    gbuf_printf(&p, "%s/tests/golden/%s", root, name);
    char *gdir = gbuf_take(&p);
    int rc = gen_mkdirs(gdir);
    gbuf_printf(&p, "%s/test1.c", gdir);
    char *gc = gbuf_take(&p);
    gbuf_printf(&p, "%s/test1.args", gdir);
    char *ga = gbuf_take(&p);
    gbuf_printf(&p, "%s/test1.out", gdir);
    char *go = gbuf_take(&p);
    gbuf_printf(&p, "--seed %s\n", str(g, "seed"));
    char *args = gbuf_take(&p);
    if (rc == 0)
        rc = write_text(gc, str(g, "input")) || write_text(ga, args) ||
             write_text(go, str(g, "output"));
    gbuf_printf(&p, "%s/mutators/accepted", root);
    char *adir = gbuf_take(&p);
    gen_mkdirs(adir);
    gbuf_printf(&p, "%s/%s.json", adir, name);
    char *arec = gbuf_take(&p);
    char *pc = pending_path(name, "c"), *pj = pending_path(name, "json");
    if (rc == 0)
        rc = move_file(pc, lib);
    if (rc == 0)
        rc = move_file(pj, arec);
    if (rc == 0)
        printf("accepted %s: mutators/%s.c, golden test tests/golden/%s/test1.*\n"
               "run `make` to build it into build/mutsmith and build/mutsmith-afl.so\n",
               name, name, name);
    cJSON_Delete(j);
    free(lib);
    free(gdir);
    free(gc);
    free(ga);
    free(go);
    free(args);
    free(adir);
    free(arec);
    free(pc);
    free(pj);
    return rc == 0 ? 0 : 1;
}

int cmd_reject(int argc, char **argv)
{
    const char *name = NULL, *reason = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc)
            reason = argv[++i];
        else if (argv[i][0] != '-' && !name)
            name = argv[i];
        else {
            name = NULL;
            break;
        }
    }
    if (!name || !reason || !*reason) {
        fprintf(stderr, "usage: mutsmith reject NAME --reason \"why\"\n\nRecord the candidate as "
                        "rejected (mutators/rejected/NAME.json, its code as\nNAME.c.txt); "
                        "invention is told to avoid it.\n");
        return 1;
    }
    char err[512];
    cJSON *j = load_record(name, err, sizeof err);
    if (!j) {
        fprintf(stderr, "mutsmith reject: %s\n", err);
        return 1;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(j, "reason");
    cJSON_AddStringToObject(j, "reason", reason);
    char when[32];
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    cJSON_AddStringToObject(j, "rejected", when);
    gbuf p = {0};
    gbuf_printf(&p, "%s/mutators/rejected", gen_src_root());
    char *rdir = gbuf_take(&p);
    gen_mkdirs(rdir);
    gbuf_printf(&p, "%s/%s.json", rdir, name);
    char *rj = gbuf_take(&p);
    gbuf_printf(&p, "%s/%s.c.txt", rdir, name);
    char *rc_path = gbuf_take(&p);
    char *pc = pending_path(name, "c"), *pj = pending_path(name, "json");
    char *text = cJSON_Print(j);
    int rc = write_text(rj, text);
    if (rc == 0 && gen_exists(pc))
        rc = move_file(pc, rc_path);
    if (rc == 0 && unlink(pj) != 0)
        rc = -1;
    if (rc == 0)
        printf("rejected %s: recorded in mutators/rejected/%s.json\n", name, name);
    free(text);
    cJSON_Delete(j);
    free(rdir);
    free(rj);
    free(rc_path);
    free(pc);
    free(pj);
    return rc == 0 ? 0 : 1;
}
