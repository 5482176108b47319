/*
 * cmd_tokens.c - `mutsmith tokens TRANSCRIPT...`: what the generator's
 * model exchanges cost, read back from transcripts (.jsonl files, or
 * directories searched one level deep, e.g. a WORK directory's
 * candidates). Per stage: queries, prompt size in characters and in
 * tokens (as recorded: the server's `usage`, or the manual backend's
 * estimate of 4 characters per token), completion tokens; per candidate:
 * queries and tokens up to its last exchange. An exchange that appears in
 * several transcripts (the run's and the candidate's) counts once: same
 * request, same answer.
 */
#include "commands.h"
#include "gen.h"
#include "genutil.h"

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct exch {
    char stage[16], candidate[64], hash[65];
    unsigned long long answer; /* FNV-1a of the answer: one request, several runs */
    long chars, prompt_tokens, completion_tokens;
} exch;

typedef struct exlist {
    exch *v;
    int n;
} exlist;

static int seen(const exlist *l, const char *hash, unsigned long long answer)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i].hash, hash) == 0 && l->v[i].answer == answer)
            return 1;
    return 0;
}

static unsigned long long fnv(const char *s)
{
    unsigned long long h = 1469598103934665603ULL;
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static long num(const cJSON *j, const char *key)
{
    const cJSON *x = cJSON_GetObjectItemCaseSensitive(j, key);
    return cJSON_IsNumber(x) ? (long)x->valuedouble : -1;
}

static int read_transcript(exlist *l, const char *path)
{
    char *text = gen_slurp(path, NULL);
    if (!text) {
        fprintf(stderr, "mutsmith tokens: cannot read %s\n", path);
        return -1;
    }
    int bad = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *j = cJSON_Parse(line);
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(j, "stage");
        const cJSON *ca = cJSON_GetObjectItemCaseSensitive(j, "candidate");
        const cJSON *rq = cJSON_GetObjectItemCaseSensitive(j, "request");
        if (!cJSON_IsString(st) || !cJSON_IsString(rq)) {
            bad++;
            cJSON_Delete(j);
            continue;
        }
        const cJSON *an = cJSON_GetObjectItemCaseSensitive(j, "answer");
        unsigned long long ah = fnv(cJSON_IsString(an) ? an->valuestring : "");
        if (!seen(l, rq->valuestring, ah)) {
            exch e;
            memset(&e, 0, sizeof e);
            snprintf(e.stage, sizeof e.stage, "%s", st->valuestring);
            snprintf(e.candidate, sizeof e.candidate, "%s",
                     cJSON_IsString(ca) ? ca->valuestring : "");
            snprintf(e.hash, sizeof e.hash, "%s", rq->valuestring);
            e.answer = ah;
            const cJSON *m;
            cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(j, "messages"))
            {
                const cJSON *c = cJSON_GetObjectItemCaseSensitive(m, "content");
                if (cJSON_IsString(c))
                    e.chars += (long)strlen(c->valuestring);
            }
            e.prompt_tokens = num(j, "prompt_tokens");
            e.completion_tokens = num(j, "completion_tokens");
            l->v = realloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
            l->v[l->n++] = e;
        }
        cJSON_Delete(j);
    }
    if (bad)
        fprintf(stderr, "mutsmith tokens: %s: %d lines are not transcript entries\n", path, bad);
    free(text);
    return 0;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* median and max of the values for one stage (field chosen by off) */
static void stats(const exlist *l, const char *stage, size_t off, long *med, long *max, int *n)
{
    long *v = malloc((size_t)(l->n + 1) * sizeof *v);
    int k = 0;
    for (int i = 0; i < l->n; i++) {
        long x = *(const long *)((const char *)&l->v[i] + off);
        if (strcmp(l->v[i].stage, stage) == 0 && x >= 0)
            v[k++] = x;
    }
    qsort(v, (size_t)k, sizeof *v, cmp_long);
    *n = k;
    *med = k ? (k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2) : 0;
    *max = k ? v[k - 1] : 0;
    free(v);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: mutsmith tokens TRANSCRIPT.jsonl|DIR...\n"
               "  Per stage and per candidate: queries, prompt characters and tokens,\n"
               "  completion tokens, from generator transcripts (a DIR is searched for\n"
               "  *.jsonl one level deep, e.g. .mutsmith-gen/candidates).\n");
}

static void add_path(exlist *l, const char *p, int depth)
{
    struct stat st;
    if (stat(p, &st) != 0) {
        fprintf(stderr, "mutsmith tokens: %s: no such file or directory\n", p);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        read_transcript(l, p);
        return;
    }
    char **files;
    int n = gen_list_files(p, ".jsonl", &files);
    for (int i = 0; i < n; i++)
        read_transcript(l, files[i]);
    gen_free_list(files, n);
    if (depth > 0) {
        char **all;
        int m = gen_list_files(p, "", &all);
        for (int i = 0; i < m; i++)
            if (stat(all[i], &st) == 0 && S_ISDIR(st.st_mode))
                add_path(l, all[i], depth - 1);
        gen_free_list(all, m);
    }
}

int cmd_tokens(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 1 : 0;
    }
    exlist l = {0};
    for (int i = 1; i < argc; i++)
        add_path(&l, argv[i], 1);
    if (l.n == 0) {
        fprintf(stderr, "mutsmith tokens: no transcript entries found\n");
        return 1;
    }
    printf("%-10s %7s %18s %18s %18s\n", "stage", "queries", "prompt chars", "prompt tokens",
           "completion tokens");
    printf("%-10s %7s %18s %18s %18s\n", "", "", "median / max", "median / max",
           "median / max");
    for (int s = 0; s < ST_COUNT; s++) {
        long cm, cx, pm, px, om, ox;
        int n, n2, n3;
        stats(&l, gen_stage_names[s], offsetof(exch, chars), &cm, &cx, &n);
        if (!n)
            continue;
        stats(&l, gen_stage_names[s], offsetof(exch, prompt_tokens), &pm, &px, &n2);
        stats(&l, gen_stage_names[s], offsetof(exch, completion_tokens), &om, &ox, &n3);
        printf("%-10s %7d %8ld / %7ld %8ld / %7ld %8ld / %7ld\n", gen_stage_names[s], n, cm, cx,
               pm, px, om, ox);
    }
    printf("\n%-40s %7s %13s %17s\n", "candidate (invention not included)", "queries",
           "prompt tokens", "completion tokens");
    long tq = 0, tp = 0, tc = 0;
    int ncand = 0;
    for (int i = 0; i < l.n; i++) {
        if (!l.v[i].candidate[0])
            continue;
        int first = 1;
        for (int j = 0; j < i; j++)
            if (strcmp(l.v[j].candidate, l.v[i].candidate) == 0)
                first = 0;
        if (!first)
            continue;
        long q = 0, p = 0, c = 0;
        for (int j = i; j < l.n; j++)
            if (strcmp(l.v[j].candidate, l.v[i].candidate) == 0) {
                q++;
                p += l.v[j].prompt_tokens > 0 ? l.v[j].prompt_tokens : 0;
                c += l.v[j].completion_tokens > 0 ? l.v[j].completion_tokens : 0;
            }
        printf("%-40s %7ld %13ld %17ld\n", l.v[i].candidate, q, p, c);
        tq += q;
        tp += p;
        tc += c;
        ncand++;
    }
    if (ncand)
        printf("%-40s %7.1f %13.0f %17.0f\n", "mean per candidate", (double)tq / ncand,
               (double)tp / ncand, (double)tc / ncand);
    free(l.v);
    return 0;
}
