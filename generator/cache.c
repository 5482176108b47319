/*
 * cache.c - on-disk response cache keyed by request hash (see cache.h).
 * One JSON file per answer, DIR/<key>.json, written atomically; a file that
 * cannot be read back as JSON is ignored (and overwritten by the next
 * answer), so a damaged cache costs tokens, never correctness.
 */
#include "cache.h"

#include "genutil.h"
#include "sha256.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cache {
    llm_backend base;
    llm_backend *inner;
    char *dir;
    char *model_id;
} cache;

void llm_request_key(const char *model_id, const llm_request *req, char key[65])
{
    char *body = llm_request_body(model_id, req);
    gbuf b = {0};
    gbuf_puts(&b, model_id);
    gbuf_puts(&b, "\n");
    gbuf_puts(&b, body ? body : "");
    sha256_hex(b.s, b.len, key);
    gbuf_free(&b);
    free(body);
}

static char *entry_path(const cache *c, const char *key)
{
    gbuf b = {0};
    gbuf_printf(&b, "%s/%s.json", c->dir, key);
    return gbuf_take(&b);
}

static int load(const char *path, llm_answer *ans)
{
    size_t len;
    char *text = gen_slurp(path, &len);
    if (!text)
        return -1;
    cJSON *j = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *content = cJSON_GetObjectItemCaseSensitive(j, "content");
    if (!cJSON_IsString(content)) {
        cJSON_Delete(j);
        return -1;
    }
    memset(ans, 0, sizeof *ans);
    ans->content = strdup(content->valuestring);
    const cJSON *fr = cJSON_GetObjectItemCaseSensitive(j, "finish_reason");
    if (cJSON_IsString(fr))
        ans->finish_reason = strdup(fr->valuestring);
    const cJSON *pt = cJSON_GetObjectItemCaseSensitive(j, "prompt_tokens");
    const cJSON *ct = cJSON_GetObjectItemCaseSensitive(j, "completion_tokens");
    ans->prompt_tokens = cJSON_IsNumber(pt) ? (long)pt->valuedouble : -1;
    ans->completion_tokens = cJSON_IsNumber(ct) ? (long)ct->valuedouble : -1;
    ans->cached = 1;
    ans->attempts = 0;
    cJSON_Delete(j);
    return 0;
}

static int store(const char *path, const llm_request *req, const llm_answer *ans)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "stage", req->stage ? req->stage : "");
    cJSON_AddStringToObject(j, "candidate", req->candidate ? req->candidate : "");
    cJSON_AddStringToObject(j, "content", ans->content ? ans->content : "");
    if (ans->finish_reason)
        cJSON_AddStringToObject(j, "finish_reason", ans->finish_reason);
    cJSON_AddNumberToObject(j, "prompt_tokens", (double)ans->prompt_tokens);
    cJSON_AddNumberToObject(j, "completion_tokens", (double)ans->completion_tokens);
    char *text = cJSON_Print(j);
    cJSON_Delete(j);
    int rc = text ? gen_write_atomic(path, text, strlen(text)) : -1;
    free(text);
    return rc;
}

static int cache_chat(llm_backend *b, const llm_request *req, llm_answer *ans, char *err,
                      size_t errlen)
{
    cache *c = (cache *)b;
    char key[65];
    llm_request_key(c->model_id, req, key);
    char *path = entry_path(c, key);
    if (load(path, ans) == 0) {
        free(path);
        return 0;
    }
    int rc = c->inner->chat(c->inner, req, ans, err, errlen);
    if (rc == 0 && store(path, req, ans) != 0)
        fprintf(stderr, "mutsmith: warning: could not write the cache entry %s\n", path);
    free(path);
    return rc;
}

static void cache_destroy(llm_backend *b)
{
    cache *c = (cache *)b;
    c->inner->destroy(c->inner);
    free(c->dir);
    free(c->model_id);
    free(c);
}

llm_backend *llm_cache_new(llm_backend *inner, const char *dir, const char *model_id)
{
    if (!inner || gen_mkdirs(dir) != 0)
        return NULL;
    cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->base.name = "cache";
    c->base.chat = cache_chat;
    c->base.destroy = cache_destroy;
    c->inner = inner;
    c->dir = strdup(dir);
    c->model_id = strdup(model_id);
    return &c->base;
}
