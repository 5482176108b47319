/*
 * llm_replay.c - the "replay" backend: answers from recorded transcripts (a
 * JSON Lines file, or a directory of them). A request is matched by its
 * hash; when the prompt changed since the recording (templates evolve), the
 * next unused answer recorded for the same stage and candidate is used, with
 * a warning. Lines that are not JSON (a run killed mid-write) are skipped.
 * Costs no tokens; the recorded counts are reported as they were.
 */
#include "genutil.h"
#include "llm.h"
#include "transcript.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct rec {
    char *stage, *candidate, *hash, *answer;
    long prompt_tokens, completion_tokens;
    int used;
} rec;

typedef struct replay {
    llm_backend base;
    rec *recs;
    size_t n, cap;
} replay;

static char *str_of(const cJSON *j, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return strdup(cJSON_IsString(v) ? v->valuestring : "");
}

static long num_of(const cJSON *j, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, k);
    return cJSON_IsNumber(v) ? (long)v->valuedouble : -1;
}

static void load_file(replay *r, const char *path)
{
    char *text = gen_slurp(path, NULL);
    if (!text)
        return;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        cJSON *j = cJSON_Parse(line);
        if (!j)
            continue;
        if (cJSON_IsObject(j) && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(j, "answer"))) {
            if (r->n == r->cap) {
                r->cap = r->cap ? 2 * r->cap : 64;
                r->recs = realloc(r->recs, r->cap * sizeof *r->recs);
            }
            rec *x = &r->recs[r->n++];
            x->stage = str_of(j, "stage");
            x->candidate = str_of(j, "candidate");
            x->hash = str_of(j, "request");
            x->answer = str_of(j, "answer");
            x->prompt_tokens = num_of(j, "prompt_tokens");
            x->completion_tokens = num_of(j, "completion_tokens");
            x->used = 0;
        }
        cJSON_Delete(j);
    }
    free(text);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_chat(llm_backend *b, const llm_request *req, llm_answer *ans, char *err,
                       size_t errlen)
{
    replay *r = (replay *)b;
    char hash[65];
    transcript_request_hash(req, hash);
    const char *stage = req->stage ? req->stage : "";
    const char *cand = req->candidate ? req->candidate : "";
    rec *hit = NULL;
    for (size_t i = 0; i < r->n && !hit; i++)
        if (!r->recs[i].used && strcmp(r->recs[i].hash, hash) == 0)
            hit = &r->recs[i];
    for (size_t i = 0; i < r->n && !hit; i++)
        if (!r->recs[i].used && strcmp(r->recs[i].stage, stage) == 0 &&
            strcmp(r->recs[i].candidate, cand) == 0) {
            hit = &r->recs[i];
            fprintf(stderr,
                    "mutsmith: replay: the %s prompt%s%s differs from the recording; using the "
                    "next recorded answer\n",
                    stage, *cand ? " for " : "", cand);
        }
    if (!hit) {
        snprintf(err, errlen, "replay: no recorded answer left for the %s stage%s%s", stage,
                 *cand ? " of " : "", cand);
        return -1;
    }
    hit->used = 1;
    memset(ans, 0, sizeof *ans);
    ans->content = strdup(hit->answer);
    ans->finish_reason = strdup("stop");
    ans->prompt_tokens = hit->prompt_tokens;
    ans->completion_tokens = hit->completion_tokens;
    ans->attempts = 0;
    ans->cached = 1; /* a recording: nothing is paid now */
    return 0;
}

static void replay_destroy(llm_backend *b)
{
    replay *r = (replay *)b;
    for (size_t i = 0; i < r->n; i++) {
        free(r->recs[i].stage);
        free(r->recs[i].candidate);
        free(r->recs[i].hash);
        free(r->recs[i].answer);
    }
    free(r->recs);
    free(r);
}

llm_backend *llm_replay_new(const char *transcript, char *err, size_t errlen)
{
    struct stat st;
    if (stat(transcript, &st) != 0) {
        snprintf(err, errlen, "replay: cannot read %s", transcript);
        return NULL;
    }
    replay *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->base.name = "replay";
    r->base.chat = replay_chat;
    r->base.destroy = replay_destroy;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(transcript);
        char **names = NULL;
        size_t n = 0;
        struct dirent *e;
        while (d && (e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l > 6 && strcmp(e->d_name + l - 6, ".jsonl") == 0) {
                names = realloc(names, (n + 1) * sizeof *names);
                names[n++] = gen_path(transcript, e->d_name);
            }
        }
        if (d)
            closedir(d);
        if (n)
            qsort(names, n, sizeof *names, by_name);
        for (size_t i = 0; i < n; i++) {
            load_file(r, names[i]);
            free(names[i]);
        }
        free(names);
    } else {
        load_file(r, transcript);
    }
    if (r->n == 0) {
        snprintf(err, errlen, "replay: %s holds no recorded answers", transcript);
        replay_destroy(&r->base);
        return NULL;
    }
    return &r->base;
}
