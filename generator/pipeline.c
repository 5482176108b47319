/*
 * pipeline.c - one candidate from its invented name to a verdict (gen.h):
 *
 *   implement -> [format] -> compile --errors--> fix --+
 *        ^                     | ok                    |
 *        |                  validate (sandboxed sweep) |
 *        |                     | ApplyFail, first time: ask for test programs
 *        |                     | OK: mutators/pending/NAME.{c,json}
 *        +---------------------+ other verdicts: fix (evidence + code)
 *
 * Each query is a fresh two-message conversation. The candidate's files are
 * written atomically; state.json is written last, so a run killed at any
 * point resumes by replaying the cached answers (no tokens) up to where it
 * stopped.
 */
#include "candidate.h"
#include "engine.h"
#include "gen.h"
#include "genutil.h"
#include "prompt.h"
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TESTS_ASKED 3

static const char *verdict_meaning(const char *v)
{
    static const char *const m[][2] = {
        {"NotCompile", "the file does not compile with -std=c11 -Wall -Wextra -Werror and the "
                       "sanitizers, or does not link into the framework"},
        {"NoCode", "the answer contained no ```c code block"},
        {"Crash", "the mutator crashed (sanitizer report or signal) while mutating a valid input"},
        {"Hang", "a call of mutate() did not return within the time limit"},
        {"NoChange", "mutate() returned MS_MUTATED but the output equals the input"},
        {"ApplyFail", "the mutator found no site in any test program"},
        {"InvalidChange", "too many mutants of valid inputs are rejected by clang -fsyntax-only"},
        {"Error", "mutate() returned MS_ERROR (an edit was refused, e.g. overlapping edits)"},
        {"Forbidden", "the mutator called something mutators may not use (sockets, files, "
                      "processes); mutators only compute and queue edits"},
        {"Leak", "the mutator left heap memory allocated after returning; allocate only with "
                 "ms_alloc, ms_strdup, ms_printf, ms_vec_push"},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(v, m[i][0]) == 0)
            return m[i][1];
    return "the mutator failed validation";
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int gen_list_files(const char *dir, const char *suffix, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        size_t sl = strlen(suffix);
        if (l > sl && strcmp(e->d_name + l - sl, suffix) == 0 && e->d_name[0] != '.') {
            *out = realloc(*out, (size_t)(n + 1) * sizeof **out);
            (*out)[n++] = gen_path(dir, e->d_name);
        }
    }
    closedir(d);
    if (n > 1)
        qsort(*out, (size_t)n, sizeof **out, by_str);
    return n;
}

void gen_free_list(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* ---- state ---- */
typedef struct cand {
    const gen_opts *o;
    gen_shared *sh;
    llm_backend *b;
    const char *name, *desc;
    char *dir, *transcript, *src;
    gen_tally t;
    char verdict[24];
    cJSON *history;
} cand;

static void tally_json(cJSON *j, const gen_tally *t, const gen_opts *o)
{
    cJSON *q = cJSON_AddObjectToObject(j, "queries");
    cJSON *tok = cJSON_AddObjectToObject(j, "tokens");
    long pt = 0, ct = 0;
    int total = 0;
    for (int s = 0; s < ST_COUNT; s++) {
        cJSON_AddNumberToObject(q, gen_stage_names[s], t->queries[s]);
        cJSON *st = cJSON_AddObjectToObject(tok, gen_stage_names[s]);
        cJSON_AddNumberToObject(st, "prompt", (double)t->prompt_tokens[s]);
        cJSON_AddNumberToObject(st, "completion", (double)t->completion_tokens[s]);
        cJSON_AddNumberToObject(st, "cached_queries", t->cached[s]);
        pt += t->prompt_tokens[s];
        ct += t->completion_tokens[s];
        total += t->queries[s];
    }
    cJSON_AddNumberToObject(j, "queries_total", total);
    cJSON_AddNumberToObject(j, "prompt_tokens", (double)pt);
    cJSON_AddNumberToObject(j, "completion_tokens", (double)ct);
    cJSON_AddNumberToObject(j, "cost_usd", gen_cost(o, pt, ct));
    cJSON_AddBoolToObject(j, "tokens_estimated", strcmp(o->backend_name, "manual") == 0);
}

static int write_json(const char *path, cJSON *j)
{
    char *text = cJSON_Print(j);
    int rc = text ? gen_write_atomic(path, text, strlen(text)) : -1;
    free(text);
    return rc;
}

static void write_state(cand *c, const char *outcome)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "name", c->name);
    cJSON_AddStringToObject(j, "description", c->desc);
    cJSON_AddStringToObject(j, "outcome", outcome);
    cJSON_AddStringToObject(j, "last_verdict", c->verdict);
    tally_json(j, &c->t, c->o);
    cJSON_AddItemToObject(j, "history", cJSON_Duplicate(c->history, 1));
    char *p = gen_path(c->dir, "state.json");
    if (write_json(p, j) != 0)
        fprintf(stderr, "mutsmith: cannot write %s: %s\n", p, strerror(errno));
    free(p);
    cJSON_Delete(j);
}

static void note(cand *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(cand *c, const char *fmt, ...)
{
    if (c->o->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "  %-28s ", c->name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void history_add(cand *c, const char *verdict, const cand_validation *v)
{
    cJSON *h = cJSON_CreateObject();
    cJSON_AddNumberToObject(h, "attempt", cJSON_GetArraySize(c->history) + 1);
    cJSON_AddStringToObject(h, "verdict", verdict);
    if (v) {
        cJSON_AddNumberToObject(h, "applicability", v->applicability);
        cJSON_AddNumberToObject(h, "validity", v->validity);
    }
    cJSON_AddItemToArray(c->history, h);
}

/* Ask and extract the first code block; 0 ok, 1 answer without code,
 * -1 LLM error, -2 budget. */
static int ask_code(cand *c, int stage, const char *prompt, char **code, char *err, size_t errlen)
{
    llm_answer a;
    int rc = gen_ask(c->b, c->o, c->sh, &c->t, stage, c->name, prompt, c->transcript, &a, err,
                     errlen);
    if (rc != 0)
        return rc;
    char **blocks;
    int n = gen_code_blocks(a.content, &blocks);
    llm_answer_free(&a);
    if (n == 0)
        return 1;
    *code = blocks[0];
    for (int i = 1; i < n; i++)
        free(blocks[i]);
    free(blocks);
    return 0;
}

static void format_code(cand *c)
{
    if (access("/usr/bin/clang-format", X_OK) != 0)
        return;
    char *const argv[] = {"/usr/bin/clang-format", "-i",
                          "-style={BasedOnStyle: LLVM, IndentWidth: 4, ColumnLimit: 100, "
                          "BreakBeforeBraces: Linux, AllowShortFunctionsOnASingleLine: None}",
                          c->src, NULL};
    sb_limits l = {.dir = c->dir, .cpu_s = 20, .mem_mb = 1024, .fsize_mb = 16, .nproc = 0,
                   .wall_s = 30, .no_net = 1, .out_cap = 4096};
    sb_result r;
    if (sb_run(&l, argv, NULL, &r) == 0)
        sb_result_free(&r);
}

static int ask_tests(cand *c, const char *code, char *err, size_t errlen)
{
    char count[8];
    snprintf(count, sizeof count, "%d", TESTS_ASKED);
    prompt_var vars[] = {{"name", c->name}, {"description", c->desc}, {"code", code},
                         {"count", count}};
    char *prompt = prompt_render(c->o->src_root, "tests", vars, 4, err, errlen);
    if (!prompt)
        return -1;
    llm_answer a;
    int rc = gen_ask(c->b, c->o, c->sh, &c->t, ST_TESTS, c->name, prompt, c->transcript, &a,
                     err, errlen);
    free(prompt);
    if (rc != 0)
        return rc;
    char **blocks;
    int n = gen_code_blocks(a.content, &blocks), kept = 0;
    llm_answer_free(&a);
    char *tdir = gen_path(c->dir, "tests");
    gen_mkdirs(tdir);
    ms_parse_opts po = {c->o->cflags, c->o->ncflags, "test.c"};
    for (int i = 0; i < n; i++) {
        if (ms_syntax_ok(blocks[i], strlen(blocks[i]), &po)) {
            char file[64];
            snprintf(file, sizeof file, "t%d.c", i + 1);
            char *p = gen_path(tdir, file);
            if (gen_write_atomic(p, blocks[i], strlen(blocks[i])) == 0)
                kept++;
            free(p);
        }
        free(blocks[i]);
    }
    free(blocks);
    free(tdir);
    note(c, "tests: %d of %d programs accepted by clang", kept, n);
    return 0;
}

/* A path as a record shows it: relative to the source tree when inside it,
 * so that records committed with the library name no machine's paths. */
static const char *shown_path(const cand *c, const char *path)
{
    size_t n = strlen(c->o->src_root);
    if (path && strncmp(path, c->o->src_root, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

/* Every string in a record names files of the source tree relatively
 * (the sweep's own JSON, embedded, carries its input paths as given). */
static void relativize(const cand *c, cJSON *j)
{
    size_t n = strlen(c->o->src_root);
    cJSON *x;
    cJSON_ArrayForEach(x, j)
    {
        if (cJSON_IsString(x) && x->valuestring && strstr(x->valuestring, c->o->src_root)) {
            gbuf b = {0};
            for (const char *p = x->valuestring; *p;) {
                if (strncmp(p, c->o->src_root, n) == 0 && p[n] == '/') {
                    p += n + 1;
                    continue;
                }
                gbuf_add(&b, p++, 1);
            }
            char *t = gbuf_take(&b);
            if (t)
                cJSON_SetValuestring(x, t);
            free(t);
        } else if (cJSON_IsObject(x) || cJSON_IsArray(x)) {
            relativize(c, x);
        }
    }
}

/* The golden case for `accept`: sample 0's input and the mutant the
 * candidate makes of it with that seed (run in the sandbox). */
static void add_golden(cand *c, const cand_build *bld, const cand_validation *v, cJSON *j)
{
    if (v->nsamples == 0)
        return;
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", v->samples[0].seed);
    char *const argv[] = {(char *)bld->exe, "mutate", "-m", (char *)c->name, "--seed", seed,
                          v->samples[0].file, NULL};
    sb_limits l = {.dir = c->dir, .cpu_s = 30, .fsize_mb = 64, .wall_s = 60, .no_net = 1,
                   .out_cap = 4u << 20};
    sb_result r;
    if (sb_run(&l, argv, NULL, &r) != 0)
        return;
    char *input = gen_slurp(v->samples[0].file, NULL);
    if (r.exited && r.status == 0 && input) {
        /* stdout and stderr are merged: a clean run prints only the mutant */
        cJSON *g = cJSON_AddObjectToObject(j, "golden");
        cJSON_AddStringToObject(g, "input_file", shown_path(c, v->samples[0].file));
        cJSON_AddStringToObject(g, "args", "--seed");
        cJSON_AddStringToObject(g, "seed", seed);
        cJSON_AddStringToObject(g, "input", input);
        cJSON_AddStringToObject(g, "output", r.out ? r.out : "");
    }
    free(input);
    sb_result_free(&r);
}

static int write_pending(cand *c, const char *code, const cand_build *bld,
                         const cand_validation *v)
{
    char *pdir = gen_path(c->o->src_root, "mutators/pending");
    if (gen_mkdirs(pdir) != 0) {
        free(pdir);
        return -1;
    }
    gbuf p = {0};
    gbuf_printf(&p, "%s/%s.json", pdir, c->name);
    char *json_path = gbuf_take(&p);
    gbuf_printf(&p, "%s/%s.c", pdir, c->name);
    char *c_path = gbuf_take(&p);

    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "name", c->name);
    cJSON_AddStringToObject(j, "description", c->desc);
    cJSON_AddStringToObject(j, "backend", c->o->backend_name);
    cJSON_AddStringToObject(j, "model", c->o->model ? c->o->model : "");
    char when[32];
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    cJSON_AddStringToObject(j, "created", when);
    cJSON_AddStringToObject(j, "verdict", v->verdict);
    cJSON_AddNumberToObject(j, "files", v->files);
    cJSON_AddNumberToObject(j, "files_applicable", v->files_applicable);
    cJSON_AddNumberToObject(j, "runs", v->runs);
    cJSON_AddNumberToObject(j, "mutated", v->mutated);
    cJSON_AddNumberToObject(j, "checked", v->checked);
    cJSON_AddNumberToObject(j, "valid", v->valid);
    cJSON_AddNumberToObject(j, "applicability", v->applicability);
    cJSON_AddNumberToObject(j, "validity", v->validity);
    cJSON_AddNumberToObject(j, "us_per_mutation", v->us_per_mutation);
    cJSON *sweep = v->sweep_json ? cJSON_Parse(v->sweep_json) : NULL;
    if (sweep)
        cJSON_AddItemToObject(j, "sweep", sweep);
    cJSON *samples = cJSON_AddArrayToObject(j, "samples");
    for (int i = 0; i < v->nsamples; i++) {
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "file", shown_path(c, v->samples[i].file));
        cJSON_AddNumberToObject(s, "seed", (double)v->samples[i].seed);
        cJSON_AddBoolToObject(s, "valid", v->samples[i].valid);
        cJSON_AddStringToObject(s, "diff", v->samples[i].diff ? v->samples[i].diff : "");
        cJSON_AddItemToArray(samples, s);
    }
    add_golden(c, bld, v, j);
    tally_json(j, &c->t, c->o);
    cJSON_AddItemToObject(j, "history", cJSON_Duplicate(c->history, 1));
    cJSON_AddStringToObject(j, "transcript", shown_path(c, c->transcript));
    relativize(c, j);
    /* code first, record last: a record always has its code */
    int rc = gen_write_atomic(c_path, code, strlen(code));
    if (rc == 0)
        rc = write_json(json_path, j);
    cJSON_Delete(j);
    free(pdir);
    free(json_path);
    free(c_path);
    return rc;
}

int gen_candidate(llm_backend *b, const gen_opts *o, gen_shared *sh, const char *name,
                  const char *description, const gen_tally *invention)
{
    cand c = {.o = o, .sh = sh, .b = b, .name = name, .desc = description};
    char err[1024] = "";
    gbuf p = {0};
    gbuf_printf(&p, "%s/candidates/%s", o->work, name);
    c.dir = gbuf_take(&p);
    c.transcript = gen_path(c.dir, "transcript.jsonl");
    gbuf_printf(&p, "%s/%s.c", c.dir, name);
    c.src = gbuf_take(&p);
    c.history = cJSON_CreateArray();
    if (invention)
        c.t = *invention;
    snprintf(c.verdict, sizeof c.verdict, "-");
    gen_mkdirs(c.dir);

    cand_env env = {o->src_root, o->build_dir, NULL, 0};
    char *code = NULL;
    int rc = 0, asked_tests = 0, final = 0, stopped = 0;
    const char *outcome = "GaveUp";

    /* implement */
    prompt_var iv[] = {{"name", name}, {"description", description}};
    char *prompt = prompt_render(o->src_root, "implement", iv, 2, err, sizeof err);
    if (!prompt) {
        fprintf(stderr, "mutsmith: %s\n", err);
        outcome = "Error";
        goto done;
    }
    rc = ask_code(&c, ST_IMPLEMENT, prompt, &code, err, sizeof err);
    free(prompt);

    for (;;) {
        if (rc == -2) {
            outcome = "Budget";
            stopped = 1;
            break;
        }
        if (rc == -1) {
            note(&c, "LLM error: %s", err);
            outcome = "LLMError";
            stopped = 1;
            break;
        }
        int total = 0;
        for (int s = ST_IMPLEMENT; s < ST_COUNT; s++)
            total += c.t.queries[s];
        char *evidence = NULL;
        cand_validation v;
        memset(&v, 0, sizeof v);
        cand_build bld;
        memset(&bld, 0, sizeof bld);
        int have_v = 0;
        if (rc == 1) {
            snprintf(c.verdict, sizeof c.verdict, "NoCode");
            evidence = strdup("Your answer had no ```c code block; answer with the complete file "
                              "in one ```c code block.");
            history_add(&c, c.verdict, NULL);
        } else {
            gen_write_atomic(c.src, code, strlen(code));
            format_code(&c);
            free(code);
            code = gen_slurp(c.src, NULL);
            if (cand_compile(&env, name, c.dir, &bld, err, sizeof err) != 0) {
                fprintf(stderr, "mutsmith: %s\n", err);
                outcome = "Error";
                cand_build_free(&bld);
                break;
            }
            if (!bld.ok) {
                snprintf(c.verdict, sizeof c.verdict, "%s",
                         bld.forbidden ? "Forbidden" : "NotCompile");
                evidence = strdup(bld.errors ? bld.errors : "(no compiler output)");
                history_add(&c, c.verdict, NULL);
            } else {
                char **files;
                int nf = gen_list_files(o->corpus, ".c", &files);
                char *tdir = gen_path(c.dir, "tests");
                char **tf;
                int nt = gen_list_files(tdir, ".c", &tf);
                free(tdir);
                files = realloc(files, (size_t)(nf + nt + 1) * sizeof *files);
                for (int i = 0; i < nt; i++)
                    files[nf + i] = tf[i];
                free(tf);
                if (cand_validate(&env, &bld, name, (const char *const *)files, nf + nt, o->seeds,
                                  c.dir, &v, err, sizeof err) != 0) {
                    fprintf(stderr, "mutsmith: %s\n", err);
                    gen_free_list(files, nf + nt);
                    cand_build_free(&bld);
                    outcome = "Error";
                    break;
                }
                gen_free_list(files, nf + nt);
                have_v = 1;
                /* the build stays until the verdict is handled (golden sample) */
                snprintf(c.verdict, sizeof c.verdict, "%s", v.verdict);
                history_add(&c, c.verdict, &v);
                evidence = strdup(v.evidence ? v.evidence : "");
            }
        }
        note(&c, "attempt %d: %s", cJSON_GetArraySize(c.history), c.verdict);
        if (have_v && strcmp(c.verdict, "OK") == 0) {
            if (write_pending(&c, code, &bld, &v) != 0) {
                fprintf(stderr, "mutsmith: cannot write mutators/pending/%s: %s\n", name,
                        strerror(errno));
                outcome = "Error";
            } else {
                outcome = "Pending";
                note(&c, "pending review: mutators/pending/%s.c (validity %.1f%%, applies to "
                         "%.0f%% of files)",
                     name, 100 * v.validity, 100 * v.applicability);
            }
            free(evidence);
            cand_validation_free(&v);
            cand_build_free(&bld);
            final = 1;
            break;
        }
        cand_build_free(&bld);
        if (have_v && strcmp(c.verdict, "ApplyFail") == 0 && !asked_tests) {
            asked_tests = 1;
            free(evidence);
            cand_validation_free(&v);
            if (total >= o->max_queries) {
                final = 1;
                break;
            }
            rc = ask_tests(&c, code, err, sizeof err);
            if (rc == 0) {
                rc = 0; /* re-validate the same code on the new programs */
                continue;
            }
            continue;
        }
        if (have_v)
            cand_validation_free(&v);
        if (total >= o->max_queries) {
            free(evidence);
            final = 1;
            break;
        }
        prompt_var fv[] = {{"name", name},
                           {"description", description},
                           {"verdict", c.verdict},
                           {"verdict_meaning", verdict_meaning(c.verdict)},
                           {"evidence", evidence ? evidence : ""},
                           {"code", code ? code : "(none)"}};
        prompt = prompt_render(o->src_root, "fix", fv, 6, err, sizeof err);
        free(evidence);
        if (!prompt) {
            fprintf(stderr, "mutsmith: %s\n", err);
            outcome = "Error";
            break;
        }
        char *fixed = NULL;
        rc = ask_code(&c, ST_FIX, prompt, &fixed, err, sizeof err);
        free(prompt);
        if (rc == 0) {
            free(code);
            code = fixed;
        }
    }
done:
    if (!stopped)
        final = 1;
    if (final)
        write_state(&c, outcome);
    else
        note(&c, "stopped (%s); run generate again to resume", outcome);
    free(code);
    free(c.dir);
    free(c.transcript);
    free(c.src);
    cJSON_Delete(c.history);
    return final ? 0 : -1;
}
