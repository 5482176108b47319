/*
 * cmd_generate.c - `mutsmith generate`: the LLM mutator generator's run.
 *
 * Invention is serial (each idea must differ from everything before it,
 * including this run's earlier ideas); the rest of each candidate's work
 * (implement, compile, validate, fix) runs in its own process, up to --jobs
 * at a time. Token and cost budgets are shared through shared memory and
 * stop the run cleanly. The run's invented list is kept in WORK/run.json, so
 * a run that is interrupted (Ctrl-C, kill -9) and started again continues
 * the same candidates, and every answer it already had comes from the cache.
 */
#include "cache.h"
#include "commands.h"
#include "engine.h"
#include "gen.h"
#include "genutil.h"
#include "astkinds.h"
#include "prompt.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith generate [options] [-- CFLAGS...]\n"
            "\n"
            "Let a language model invent and write new mutators: each candidate is\n"
            "implemented, compiled with the project's strict flags, validated by the\n"
            "`mutsmith check` sweep in an ASan+UBSan build inside a sandbox, and fixed\n"
            "from the evidence until it passes or runs out of queries. Passing ones wait\n"
            "in mutators/pending/ for `mutsmith review`.\n"
            "  -n, --count N        candidates to invent (default 1)\n"
            "  --jobs N             candidates worked on at once (default 1)\n"
            "  --max-queries Q      queries per candidate after invention (default 12)\n"
            "  --max-tokens T       stop the run after T prompt+completion tokens\n"
            "  --max-cost USD       stop the run after this estimated cost\n"
            "  --llm http           an OpenAI-compatible server (default): MUTSMITH_LLM_URL,\n"
            "                       MUTSMITH_LLM_MODEL, MUTSMITH_LLM_KEY or OPENAI_API_KEY\n"
            "  --llm manual         write each prompt to WORK/manual/*.prompt.md and wait for\n"
            "                       the matching .answer.md (answer in any chat window)\n"
            "  --llm replay FILE    answers from a recorded transcript (.jsonl or a directory)\n"
            "  --url U, --model M   override MUTSMITH_LLM_URL / MUTSMITH_LLM_MODEL\n"
            "  --work DIR           work directory: cache, transcripts, candidates\n"
            "                       (default .mutsmith-gen in the source tree)\n"
            "  --corpus DIR         validation inputs (default corpus in the source tree)\n"
            "  --seeds N            seeds per input in validation (default 2)\n"
            "  -q, --quiet          only the final table\n"
            "Prices for the cost estimate: MUTSMITH_PRICE_IN / MUTSMITH_PRICE_OUT in USD\n"
            "per million tokens (defaults known for a few models, else 0).\n"
            "Interrupt at any time; run the same command again to resume: answers already\n"
            "received are read from WORK/cache and cost nothing.\n"
            "Exit: 0 done, 3 stopped by a budget, 1 error, 130 interrupted.\n");
}

/* ---- prices (USD per million tokens); MUTSMITH_PRICE_IN/OUT override ---- */
static void set_prices(gen_opts *o)
{
    static const struct {
        const char *model;
        double in, out;
    } table[] = {{"gpt-4o-mini", 0.15, 0.60}, {"gpt-4o", 2.50, 10.00},
                 {"gpt-4.1-mini", 0.40, 1.60}, {"gpt-4.1", 2.00, 8.00},
                 {"deepseek-chat", 0.27, 1.10}, {"deepseek-reasoner", 0.55, 2.19}};
    o->price_in = o->price_out = 0;
    for (size_t i = 0; o->model && i < sizeof table / sizeof table[0]; i++)
        if (strcmp(o->model, table[i].model) == 0) {
            o->price_in = table[i].in;
            o->price_out = table[i].out;
        }
    const char *pi = getenv("MUTSMITH_PRICE_IN"), *po = getenv("MUTSMITH_PRICE_OUT");
    if (pi && *pi)
        o->price_in = atof(pi);
    if (po && *po)
        o->price_out = atof(po);
}

static int in_list(const char *list, const char *name);

/* ---- what exists already: library, pending, earlier candidates, rejected ---- */
typedef struct known {
    char *name, *desc, *note; /* note: "(tried before, failed)", a reason, or NULL */
    int score;
} known;

typedef struct known_list {
    known *v;
    int n;
} known_list;

static void known_add(known_list *k, const char *name, const char *desc, const char *note)
{
    k->v = realloc(k->v, (size_t)(k->n + 1) * sizeof *k->v);
    known *e = &k->v[k->n++];
    e->name = strdup(name);
    e->desc = strdup(desc);
    e->note = note ? strdup(note) : NULL;
    e->score = 0;
}

static void known_free(known_list *k)
{
    for (int i = 0; i < k->n; i++) {
        free(k->v[i].name);
        free(k->v[i].desc);
        free(k->v[i].note);
    }
    free(k->v);
}

static void add_records(known_list *k, const char *dir, const char *extra_key, const char *skip_run)
{
    char **files;
    int n = gen_list_files(dir, ".json", &files);
    for (int i = 0; i < n; i++) {
        char *text = gen_slurp(files[i], NULL);
        cJSON *j = text ? cJSON_Parse(text) : NULL;
        const cJSON *nm = cJSON_GetObjectItemCaseSensitive(j, "name");
        const cJSON *ds = cJSON_GetObjectItemCaseSensitive(j, "description");
        const cJSON *ex = extra_key ? cJSON_GetObjectItemCaseSensitive(j, extra_key) : NULL;
        if (cJSON_IsString(nm) && cJSON_IsString(ds) && !in_list(skip_run, nm->valuestring))
            known_add(k, nm->valuestring, ds->valuestring,
                      cJSON_IsString(ex) ? ex->valuestring : NULL);
        cJSON_Delete(j);
        free(text);
    }
    gen_free_list(files, n);
}

/* Lower-case words of the sampled kinds ("BinaryOperator" -> " binary
 * operator "), without the words every kind has. */
static void kind_words(const char *kinds, gbuf *w)
{
    static const char *const common[] = {"stmt", "expr", "decl", "ref", "attr", "c", "style",
                                         "unexposed", "more", "declarations", "expressions",
                                         "statements", "attributes"};
    gbuf_puts(w, " ");
    const char *p = kinds;
    while (*p) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        if (!*p)
            break;
        char word[64];
        size_t n = 0;
        do {
            if (n + 1 < sizeof word)
                word[n++] = (char)tolower((unsigned char)*p);
            p++;
        } while (*p && isalpha((unsigned char)*p) && !isupper((unsigned char)*p));
        word[n] = '\0';
        int skip = n == 0;
        for (size_t i = 0; !skip && i < sizeof common / sizeof common[0]; i++)
            skip = strcmp(word, common[i]) == 0;
        if (!skip && !in_list(w->s, word))
            gbuf_printf(w, "%s ", word);
    }
}

static int by_score(const void *a, const void *b)
{
    const known *x = a, *y = b;
    if (x->score != y->score)
        return y->score - x->score;
    return strcmp(x->name, y->name);
}

/* The invention prompt's list: the NEAR entries closest to the sampled
 * kinds with their descriptions, every other name bare. */
#define NEAR 12
#define KIND_SAMPLE 40
static void format_known(known_list *k, const char *kinds, gbuf *out)
{
    gbuf w = {0};
    kind_words(kinds, &w);
    for (int i = 0; i < k->n; i++) {
        char *name = strdup(k->v[i].name);
        for (char *t = strtok(name, "_"); t; t = strtok(NULL, "_"))
            if (in_list(w.s, t))
                k->v[i].score++;
        free(name);
    }
    gbuf_free(&w);
    if (k->n > 1)
        qsort(k->v, (size_t)k->n, sizeof *k->v, by_score);
    int shown = 0;
    for (int i = 0; i < k->n && shown < NEAR; i++)
        if (k->v[i].score > 0 || k->n <= NEAR) {
            gbuf_printf(out, "- %s: %s%s%s\n", k->v[i].name, k->v[i].desc,
                        k->v[i].note ? " " : "", k->v[i].note ? k->v[i].note : "");
            k->v[i].score = -1;
            shown++;
        }
    int others = 0;
    for (int i = 0; i < k->n; i++)
        if (k->v[i].score >= 0)
            gbuf_printf(out, "%s%s", others++ ? ", " : "Also: ", k->v[i].name);
    if (others)
        gbuf_puts(out, "\n");
    if (!k->n)
        gbuf_puts(out, "(none)\n");
}

/* ---- the run: WORK/run.json ---- */
typedef struct item {
    char name[64];
    char desc[512];
    gen_tally inv;
} item;

typedef struct run {
    int count;
    item *items;
    int n;
    char started[32];
} run;

static char *run_path(const gen_opts *o)
{
    return gen_path(o->work, "run.json");
}

static void save_run(const gen_opts *o, const run *r, int complete)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "count", r->count);
    cJSON_AddStringToObject(j, "started", r->started);
    cJSON_AddBoolToObject(j, "complete", complete);
    cJSON *a = cJSON_AddArrayToObject(j, "invented");
    for (int i = 0; i < r->n; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "name", r->items[i].name);
        cJSON_AddStringToObject(x, "description", r->items[i].desc);
        cJSON_AddNumberToObject(x, "queries", r->items[i].inv.queries[ST_INVENT]);
        cJSON_AddNumberToObject(x, "cached", r->items[i].inv.cached[ST_INVENT]);
        cJSON_AddNumberToObject(x, "prompt_tokens", (double)r->items[i].inv.prompt_tokens[ST_INVENT]);
        cJSON_AddNumberToObject(x, "completion_tokens",
                                (double)r->items[i].inv.completion_tokens[ST_INVENT]);
        cJSON_AddItemToArray(a, x);
    }
    char *text = cJSON_Print(j);
    char *p = run_path(o);
    if (!text || gen_write_atomic(p, text, strlen(text)) != 0)
        fprintf(stderr, "mutsmith: cannot write %s: %s\n", p, strerror(errno));
    free(p);
    free(text);
    cJSON_Delete(j);
}

/* 1: an unfinished run was loaded; 0: none */
static int load_run(const gen_opts *o, run *r)
{
    char *p = run_path(o);
    char *text = gen_slurp(p, NULL);
    free(p);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    int resumed = 0;
    if (j && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "complete"))) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "count");
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(j, "started");
        r->count = cJSON_IsNumber(c) ? c->valueint : 0;
        if (cJSON_IsString(st))
            snprintf(r->started, sizeof r->started, "%s", st->valuestring);
        const cJSON *x;
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(j, "invented"))
        {
            const cJSON *nm = cJSON_GetObjectItemCaseSensitive(x, "name");
            const cJSON *ds = cJSON_GetObjectItemCaseSensitive(x, "description");
            if (!cJSON_IsString(nm) || !cJSON_IsString(ds) || !gen_valid_name(nm->valuestring))
                continue;
            r->items = realloc(r->items, (size_t)(r->n + 1) * sizeof *r->items);
            item *it = &r->items[r->n++];
            memset(it, 0, sizeof *it);
            snprintf(it->name, sizeof it->name, "%s", nm->valuestring);
            snprintf(it->desc, sizeof it->desc, "%s", ds->valuestring);
            const cJSON *v;
            if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(x, "queries")))
                it->inv.queries[ST_INVENT] = v->valueint;
            if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(x, "cached")))
                it->inv.cached[ST_INVENT] = v->valueint;
            if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(x, "prompt_tokens")))
                it->inv.prompt_tokens[ST_INVENT] = (long)v->valuedouble;
            if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(x, "completion_tokens")))
                it->inv.completion_tokens[ST_INVENT] = (long)v->valuedouble;
        }
        resumed = 1;
    }
    cJSON_Delete(j);
    return resumed;
}

/* name in a list of " name " entries */
static int in_list(const char *list, const char *name)
{
    if (!list)
        return 0;
    char needle[80];
    snprintf(needle, sizeof needle, " %s ", name);
    return strstr(list, needle) != NULL;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names taken: library, pending, rejected, earlier candidates, this run. */
static int name_taken(const gen_opts *o, const run *r, const char *name)
{
    /* the library is the source tree's mutators/NAME.c (checked below), not
     * this binary's registry, which may be older or newer than the tree */
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->items[i].name, name) == 0)
            return 1;
    const char *where[] = {"mutators/pending", "mutators/rejected", "mutators"};
    for (size_t i = 0; i < sizeof where / sizeof where[0]; i++) {
        gbuf p = {0};
        gbuf_printf(&p, "%s/%s/%s.%s", o->src_root, where[i], name, i == 2 ? "c" : "json");
        int taken = gen_exists(p.s);
        gbuf_free(&p);
        if (taken)
            return 1;
    }
    gbuf p = {0};
    gbuf_printf(&p, "%s/candidates/%s", o->work, name);
    int taken = gen_exists(p.s);
    gbuf_free(&p);
    return taken;
}

/* Invent candidate number r->n. 0, -1 error, -2 budget. */
static int invent(llm_backend *b, const gen_opts *o, gen_shared *sh, run *r, char *err,
                  size_t errlen)
{
    /* names of this run's earlier candidates are listed in order; earlier
     * runs' candidates come from their records */
    gbuf this_run = {0};
    for (int i = 0; i < r->n; i++)
        gbuf_printf(&this_run, " %s ", r->items[i].name);
    known_list kn = {0};
    for (int i = 0; i < ms_registry_count; i++) {
        /* descriptions from the registry, for mutators still in the tree */
        gbuf lp = {0};
        gbuf_printf(&lp, "%s/mutators/%s.c", o->src_root, ms_registry[i]->name);
        if (gen_exists(lp.s))
            known_add(&kn, ms_registry[i]->name, ms_registry[i]->description, NULL);
        gbuf_free(&lp);
    }
    char *pend = gen_path(o->src_root, "mutators/pending");
    add_records(&kn, pend, NULL, this_run.s);
    free(pend);
    /* earlier runs' candidates that did not pass: avoid their ideas too */
    char *cdir = gen_path(o->work, "candidates");
    DIR *d = opendir(cdir);
    struct dirent *e;
    char **names = NULL;
    int nn = 0;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' && !in_list(this_run.s, e->d_name)) {
            names = realloc(names, (size_t)(nn + 1) * sizeof *names);
            names[nn++] = strdup(e->d_name);
        }
    if (d)
        closedir(d);
    if (nn > 1)
        qsort(names, (size_t)nn, sizeof *names, cmp_names);
    for (int i = 0; i < nn; i++) {
        gbuf sp = {0};
        gbuf_printf(&sp, "%s/%s/state.json", cdir, names[i]);
        char *text = gen_slurp(sp.s, NULL);
        cJSON *j = text ? cJSON_Parse(text) : NULL;
        const cJSON *ds = cJSON_GetObjectItemCaseSensitive(j, "description");
        const cJSON *oc = cJSON_GetObjectItemCaseSensitive(j, "outcome");
        if (cJSON_IsString(ds) && cJSON_IsString(oc) && strcmp(oc->valuestring, "Pending") != 0)
            known_add(&kn, names[i], ds->valuestring, "(tried before, failed)");
        cJSON_Delete(j);
        free(text);
        gbuf_free(&sp);
        free(names[i]);
    }
    free(names);
    free(cdir);
    for (int i = 0; i < r->n; i++)
        known_add(&kn, r->items[i].name, r->items[i].desc, NULL);
    /* a reproducible sample of node kinds that changes with what exists
     * (every accepted, pending or failed idea) and with the candidate's
     * number in the run, so successive inventions look at different kinds */
    unsigned long long seed = 1469598103934665603ULL + (unsigned long long)r->n * 7919ULL;
    for (int i = 0; i < kn.n; i++)
        for (const char *c = kn.v[i].name; *c; c++)
            seed = (seed ^ (unsigned char)*c) * 1099511628211ULL;
    char *kinds = astkinds_sample(seed, KIND_SAMPLE);
    gbuf ex = {0};
    format_known(&kn, kinds, &ex);
    known_free(&kn);
    /* rejected ideas: every one, with its reason (they are few) */
    known_list rk = {0};
    char *rdir = gen_path(o->src_root, "mutators/rejected");
    add_records(&rk, rdir, "reason", NULL);
    free(rdir);
    gbuf rej = {0};
    for (int i = 0; i < rk.n; i++)
        gbuf_printf(&rej, "- %s: %s%s%s%s\n", rk.v[i].name, rk.v[i].desc,
                    rk.v[i].note ? " (" : "", rk.v[i].note ? rk.v[i].note : "",
                    rk.v[i].note ? ")" : "");
    known_free(&rk);
    if (!rej.len)
        gbuf_puts(&rej, "(none)\n");
    prompt_var vars[] = {{"node_kinds", kinds}, {"existing", ex.s}, {"rejected", rej.s}};
    char *prompt = prompt_render(o->src_root, "invent", vars, 3, err, errlen);
    gbuf_free(&ex);
    gbuf_free(&rej);
    gbuf_free(&this_run);
    free(kinds);
    if (!prompt)
        return -1;
    item it;
    memset(&it, 0, sizeof it);
    int rc = -1;
    gbuf retry = {0};
    for (int attempt = 0; attempt < 3; attempt++) {
        gbuf full = {0};
        gbuf_puts(&full, prompt);
        if (retry.len)
            gbuf_add(&full, retry.s, retry.len);
        llm_answer a;
        rc = gen_ask(b, o, sh, &it.inv, ST_INVENT, "", full.s, NULL, &a, err, errlen);
        gbuf_free(&full);
        if (rc != 0)
            break;
        char name[64], desc[512];
        if (gen_parse_invention(a.content, name, sizeof name, desc, sizeof desc) != 0) {
            gbuf_printf(&retry, "\nYour previous answer was not one line `name: sentence` with a "
                                "valid name. Answer again.\n");
            rc = -1;
            snprintf(err, errlen, "the model's invention answers were not `name: sentence`");
        } else if (name_taken(o, r, name)) {
            gbuf_printf(&retry, "\n`%s` exists already. Invent something else.\n", name);
            rc = -1;
            snprintf(err, errlen, "the model kept proposing existing mutators");
        } else {
            snprintf(it.name, sizeof it.name, "%s", name);
            snprintf(it.desc, sizeof it.desc, "%s", desc);
            rc = 0;
        }
        llm_answer_free(&a);
        if (rc == 0)
            break;
    }
    gbuf_free(&retry);
    free(prompt);
    if (rc != 0)
        return rc;
    r->items = realloc(r->items, (size_t)(r->n + 1) * sizeof *r->items);
    r->items[r->n++] = it;
    return 0;
}

/* ---- the run ---- */
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
    static const char msg[] = "\nmutsmith generate: interrupted; run the same command again to "
                              "resume (answers received so far are cached)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    signal(SIGINT, SIG_DFL);
    kill(0, SIGINT); /* the job processes and this one */
}

static cJSON *load_state(const gen_opts *o, const char *name)
{
    gbuf p = {0};
    gbuf_printf(&p, "%s/candidates/%s/state.json", o->work, name);
    char *text = gen_slurp(p.s, NULL);
    gbuf_free(&p);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    return j;
}

static double num(const cJSON *j, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static int print_table(const gen_opts *o, const run *r, const gen_shared *sh)
{
    int finished = 0;
    int est = strcmp(o->backend_name, "manual") == 0;
    printf("\n%-40s %-10s %-13s %7s %10s %10s %9s\n", "candidate", "outcome", "last verdict",
           "queries", "prompt", "completion", "cost USD");
    long tp = 0, tc = 0;
    int tq = 0;
    double tcost = 0;
    for (int i = 0; i < r->n; i++) {
        cJSON *st = load_state(o, r->items[i].name);
        const cJSON *oc = cJSON_GetObjectItemCaseSensitive(st, "outcome");
        const cJSON *lv = cJSON_GetObjectItemCaseSensitive(st, "last_verdict");
        if (st && cJSON_IsString(oc)) {
            finished++;
            long pt = (long)num(st, "prompt_tokens"), ct = (long)num(st, "completion_tokens");
            int q = (int)num(st, "queries_total");
            double cost = num(st, "cost_usd");
            printf("%-40s %-10s %-13s %7d %10ld %10ld %9.4f\n", r->items[i].name, oc->valuestring,
                   cJSON_IsString(lv) ? lv->valuestring : "-", q, pt, ct, cost);
            tp += pt;
            tc += ct;
            tq += q;
            tcost += cost;
        } else {
            printf("%-40s %-10s %-13s %7s %10s %10s %9s\n", r->items[i].name, "unfinished", "-",
                   "-", "-", "-", "-");
        }
        cJSON_Delete(st);
    }
    printf("%-40s %-10s %-13s %7d %10ld %10ld %9.4f\n",
           finished < r->n ? "total of the finished" : "total", "", "", tq, tp, tc, tcost);
    long rest = (long)tq - sh->queries;
    printf("paid in this run: %ld queries, %ld prompt + %ld completion tokens, %.4f USD%s",
           sh->queries, sh->prompt_tokens, sh->completion_tokens, sh->cost_usd,
           est ? " (manual backend: tokens estimated at 4 characters each)" : "");
    if (rest > 0)
        printf("; %ld queries came from the cache or a recording", rest);
    printf("\n");
    int replay = o->backend_name && strcmp(o->backend_name, "replay") == 0;
    if (o->price_in == 0 && o->price_out == 0 && !est && !replay)
        printf("costs are 0: no price known for this model; set MUTSMITH_PRICE_IN and "
               "MUTSMITH_PRICE_OUT (USD per million tokens)\n");
    return finished;
}

static llm_backend *make_backend(gen_opts *o, const char *llm, const char *replay_file,
                                 const char *url, const char *model)
{
    char err[512];
    if (strcmp(llm, "replay") == 0) {
        llm_backend *b = llm_replay_new(replay_file, err, sizeof err);
        if (!b)
            fprintf(stderr, "mutsmith generate: %s\n", err);
        o->model = "replay";
        return b;
    }
    char *cache_dir = gen_path(o->work, "cache");
    llm_backend *b = NULL;
    if (strcmp(llm, "manual") == 0) {
        char *mdir = gen_path(o->work, "manual");
        b = llm_cache_new(llm_manual_new(mdir, 1.0), cache_dir, "manual");
        free(mdir);
        o->model = "manual";
    } else {
        static llm_http_config cfg;
        llm_http_config_from_env(&cfg);
        if (url)
            cfg.url = url;
        if (model)
            cfg.model = model;
        o->model = cfg.model;
        gbuf id = {0};
        gbuf_printf(&id, "%s|%s", cfg.url, cfg.model);
        b = llm_cache_new(llm_http_new(&cfg), cache_dir, id.s);
        gbuf_free(&id);
        if (!o->quiet)
            fprintf(stderr, "mutsmith generate: model %s at %s\n", cfg.model, cfg.url);
    }
    free(cache_dir);
    if (!b)
        fprintf(stderr, "mutsmith generate: cannot set up the %s backend in %s\n", llm, o->work);
    return b;
}

int cmd_generate(int argc, char **argv)
{
    char **cflags;
    int ncflags;
    ms_split_args(&argc, argv, &cflags, &ncflags);
    gen_opts o = {0};
    o.src_root = gen_src_root();
    o.build_dir = gen_build_dir();
    o.seeds = 2;
    o.max_queries = 12;
    o.cflags = (const char *const *)cflags;
    o.ncflags = ncflags;
    int count = 1, count_given = 0, jobs = 1;
    const char *llm = "http", *replay_file = NULL, *url = NULL, *model = NULL;
    const char *work = NULL, *corpus = NULL;
    enum { O_JOBS = 256, O_MAXQ, O_MAXT, O_MAXC, O_LLM, O_URL, O_MODEL, O_WORK, O_CORPUS, O_SEEDS };
    static const struct option lo[] = {
        {"count", required_argument, 0, 'n'}, {"jobs", required_argument, 0, O_JOBS},
        {"max-queries", required_argument, 0, O_MAXQ}, {"max-tokens", required_argument, 0, O_MAXT},
        {"max-cost", required_argument, 0, O_MAXC}, {"llm", required_argument, 0, O_LLM},
        {"url", required_argument, 0, O_URL}, {"model", required_argument, 0, O_MODEL},
        {"work", required_argument, 0, O_WORK}, {"corpus", required_argument, 0, O_CORPUS},
        {"seeds", required_argument, 0, O_SEEDS}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    unsigned long long v;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:qh", lo, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (ms_parse_uint(optarg, &v) != 0 || v < 1 || v > 10000)
                ms_die("generate: -n wants a number from 1 to 10000");
            count = (int)v;
            count_given = 1;
            break;
        case O_JOBS:
            if (ms_parse_uint(optarg, &v) != 0 || v < 1 || v > 64)
                ms_die("generate: --jobs wants a number from 1 to 64");
            jobs = (int)v;
            break;
        case O_MAXQ:
            if (ms_parse_uint(optarg, &v) != 0 || v < 1 || v > 1000)
                ms_die("generate: --max-queries wants a number from 1 to 1000");
            o.max_queries = (int)v;
            break;
        case O_MAXT:
            if (ms_parse_uint(optarg, &v) != 0)
                ms_die("generate: --max-tokens wants a number");
            o.max_tokens = (long)v;
            break;
        case O_MAXC:
            o.max_cost = atof(optarg);
            if (o.max_cost <= 0)
                ms_die("generate: --max-cost wants a positive amount in USD");
            break;
        case O_LLM:
            llm = optarg;
            if (strcmp(llm, "replay") == 0) {
                if (optind >= argc)
                    ms_die("generate: --llm replay needs a transcript file");
                replay_file = argv[optind++];
            } else if (strcmp(llm, "http") != 0 && strcmp(llm, "manual") != 0) {
                ms_die("generate: --llm takes http, manual or replay FILE");
            }
            break;
        case O_URL: url = optarg; break;
        case O_MODEL: model = optarg; break;
        case O_WORK: work = optarg; break;
        case O_CORPUS: corpus = optarg; break;
        case O_SEEDS:
            if (ms_parse_uint(optarg, &v) != 0 || v < 1 || v > 64)
                ms_die("generate: --seeds wants a number from 1 to 64");
            o.seeds = (int)v;
            break;
        case 'q': o.quiet = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "mutsmith generate: unexpected argument '%s'\n", argv[optind]);
        usage(stderr);
        return 1;
    }
    o.work = work ? work : gen_path(o.src_root, ".mutsmith-gen");
    o.corpus = corpus ? corpus : gen_path(o.src_root, "corpus");
    o.backend_name = llm;
    if (gen_mkdirs(o.work) != 0)
        ms_die("generate: cannot create %s: %s", o.work, strerror(errno));
    /* absolute paths: sandboxed children run in the candidates' directories */
    char *abs_work = realpath(o.work, NULL), *abs_corpus = realpath(o.corpus, NULL);
    if (abs_work)
        o.work = abs_work;
    if (abs_corpus)
        o.corpus = abs_corpus;
    {
        char **f;
        int nf = gen_list_files(o.corpus, ".c", &f);
        gen_free_list(f, nf);
        if (nf == 0)
            ms_die("generate: no .c files in %s (--corpus)", o.corpus);
    }
    llm_backend *b = make_backend(&o, llm, replay_file, url, model);
    if (!b) {
        free(abs_work);
        free(abs_corpus);
        return 1;
    }
    set_prices(&o);

    gen_shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED)
        ms_die("generate: mmap: %s", strerror(errno));
    memset(sh, 0, sizeof *sh);

    run r = {0};
    if (load_run(&o, &r)) {
        if (count_given)
            r.count = count;
        if (!o.quiet)
            fprintf(stderr, "mutsmith generate: resuming the run started %s (%d of %d invented)\n",
                    r.started, r.n, r.count);
    } else {
        r.count = count;
        time_t now = time(NULL);
        strftime(r.started, sizeof r.started, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        save_run(&o, &r, 0);
    }
    signal(SIGINT, on_sigint);
    signal(SIGTERM, on_sigint);

    int running = 0, rc = 0;
    char err[1024];
    for (int i = 0; i < r.count && !interrupted; i++) {
        if (sh->stop)
            break;
        if (i >= r.n) {
            int ir = invent(b, &o, sh, &r, err, sizeof err);
            if (ir == -2)
                break;
            if (ir != 0) {
                fprintf(stderr, "mutsmith generate: invention failed: %s\n", err);
                rc = 1;
                break;
            }
            save_run(&o, &r, 0);
        }
        item *it = &r.items[i];
        cJSON *st = load_state(&o, it->name);
        if (st) {
            cJSON_Delete(st);
            if (!o.quiet)
                fprintf(stderr, "  %-28s finished in an earlier run\n", it->name);
            continue;
        }
        if (!o.quiet)
            fprintf(stderr, "mutsmith generate: candidate %d of %d: %s: %s\n", i + 1, r.count,
                    it->name, it->desc);
        while (running >= jobs) {
            if (wait(NULL) > 0)
                running--;
            else if (errno != EINTR)
                break;
        }
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            _exit(gen_candidate(b, &o, sh, it->name, it->desc, &it->inv) == 0 ? 0 : 3);
        }
        if (pid < 0)
            ms_die("generate: fork: %s", strerror(errno));
        running++;
    }
    while (running > 0) {
        if (wait(NULL) > 0)
            running--;
        else if (errno != EINTR)
            break;
    }
    int finished = print_table(&o, &r, sh);
    if (finished == r.count && r.n == r.count) {
        save_run(&o, &r, 1);
        /* keep the finished run's record; the next generate starts a new run */
        char *p = run_path(&o);
        gbuf done = {0};
        gbuf_printf(&done, "%s/runs", o.work);
        gen_mkdirs(done.s);
        gbuf_printf(&done, "/%s.json", r.started);
        rename(p, done.s);
        gbuf_free(&done);
        free(p);
        printf("pending candidates: mutsmith review\n");
    } else if (sh->stop) {
        printf("stopped: a budget (--max-tokens / --max-cost) was reached; raise it and run "
               "again to continue\n");
        rc = rc ? rc : 3;
    } else if (!rc) {
        printf("unfinished candidates remain (see above); run the same command to continue\n");
        rc = 1;
    }
    b->destroy(b);
    free(r.items);
    free(cflags);
    free(abs_work);
    free(abs_corpus);
    return rc;
}
