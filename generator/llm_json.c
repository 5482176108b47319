/*
 * llm_json.c - the JSON side of talking to a model, independent of the
 * transport: the canonical chat-completions request body, parsing a
 * response into an llm_answer with a one-line reason when it is unusable,
 * the HTTP backend's configuration from the environment, and pulling the
 * first fenced code block out of an answer.
 */
#include "llm.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LLM_REASON_MAX 200 /* longest server message quoted in an error */

void llm_answer_free(llm_answer *a)
{
    if (!a)
        return;
    free(a->content);
    free(a->finish_reason);
    a->content = NULL;
    a->finish_reason = NULL;
}

/* ------------------------------------------------------------ request */

char *llm_request_body(const char *model, const llm_request *req)
{
    char *out = NULL;
    cJSON *root = cJSON_CreateObject();
    if (!root || !cJSON_AddStringToObject(root, "model", model ? model : ""))
        goto done;
    cJSON *msgs = cJSON_AddArrayToObject(root, "messages");
    if (!msgs)
        goto done;
    for (size_t i = 0; i < req->nmsgs; i++) {
        const llm_message *m = &req->msgs[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(msgs, o)) {
            cJSON_Delete(o);
            goto done;
        }
        if (!cJSON_AddStringToObject(o, "role", m->role ? m->role : "user") ||
            !cJSON_AddStringToObject(o, "content", m->content ? m->content : ""))
            goto done;
    }
    if (req->temperature >= 0 && !cJSON_AddNumberToObject(root, "temperature", req->temperature))
        goto done;
    if (req->max_tokens > 0 && !cJSON_AddNumberToObject(root, "max_tokens", req->max_tokens))
        goto done;
    if (!cJSON_AddFalseToObject(root, "stream"))
        goto done;
    char *printed = cJSON_PrintUnformatted(root);
    if (printed) {
        out = strdup(printed); /* the caller frees with free(), whatever cJSON's hooks */
        cJSON_free(printed);
    }
done:
    cJSON_Delete(root);
    return out;
}

/* ------------------------------------------------------------ response */

/* 1 when text ends inside a string or with brackets still open: the body
 * was cut short rather than written wrong. */
static int json_ends_early(const char *s, size_t len)
{
    int depth = 0, in_str = 0, esc = 0, any = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_str) {
            if (esc)
                esc = 0;
            else if (c == '\\')
                esc = 1;
            else if (c == '"')
                in_str = 0;
            continue;
        }
        if (c == '"')
            in_str = 1;
        else if (c == '{' || c == '[')
            depth++;
        else if ((c == '}' || c == ']') && depth > 0)
            depth--;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            any = 1;
    }
    return any && (in_str || depth > 0);
}

/* Copy at most LLM_REASON_MAX characters of s into out as one line:
 * control characters become spaces, runs of spaces shrink to one, a cut
 * (marked "...") never splits a UTF-8 sequence. */
static void one_line(char *out, size_t outlen, const char *s)
{
    size_t n = 0, taken = 0;
    int space = 1; /* drops leading blanks */
    if (outlen < 8) {
        if (outlen)
            out[0] = '\0';
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int blank = *p < 0x20 || *p == ' ' || *p == 0x7f;
        int cont = (*p & 0xC0) == 0x80; /* inside a UTF-8 sequence */
        if (blank && space)
            continue;
        if (!cont && (taken == LLM_REASON_MAX || n + 8 >= outlen)) {
            memcpy(out + n, "...", 3);
            n += 3;
            break;
        }
        if (n + 4 >= outlen)
            break; /* a sequence longer than UTF-8 allows */
        out[n++] = blank ? ' ' : (char)*p;
        space = blank;
        taken += !cont;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* The message of an {"error": ...} member: {"message": "..."} or a string. */
static const char *error_message(const cJSON *e)
{
    if (cJSON_IsString(e))
        return e->valuestring;
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "message");
    if (cJSON_IsString(m) && m->valuestring[0])
        return m->valuestring;
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
    if (cJSON_IsString(c))
        return c->valuestring;
    return "(no message)";
}

static long token_count(const cJSON *usage, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(usage, name);
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1e15)
        return -1;
    return (long)v->valuedouble;
}

int llm_parse_response(const char *body, size_t len, llm_answer *ans, char *err, size_t errlen)
{
    char reason[LLM_REASON_MAX + 8];
    cJSON *root = NULL;
    memset(ans, 0, sizeof *ans);
    ans->prompt_tokens = ans->completion_tokens = -1;

    size_t i = 0;
    while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        i++;
    if (i == len) {
        snprintf(err, errlen, "empty response body");
        return -1;
    }
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(body, len, &end, 0);
    if (!root) {
        if (json_ends_early(body, len))
            snprintf(err, errlen, "truncated body (the JSON ends early, after %zu bytes)", len);
        else
            snprintf(err, errlen, "malformed JSON in the response (%zu bytes)", len);
        return -1;
    }
    for (size_t rest = (size_t)(end - body); rest < len; rest++) {
        char c = body[rest];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\0') {
            snprintf(err, errlen, "malformed JSON in the response (data after the end, at byte %zu)",
                     rest);
            goto fail;
        }
    }
    if (!cJSON_IsObject(root)) {
        snprintf(err, errlen, "malformed response: a JSON object was expected");
        goto fail;
    }
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
    if (e && !cJSON_IsNull(e)) {
        one_line(reason, sizeof reason, error_message(e));
        snprintf(err, errlen, "the server reported an error: %s", reason);
        goto fail;
    }
    const cJSON *choices = cJSON_GetObjectItemCaseSensitive(root, "choices");
    if (!cJSON_IsArray(choices) || cJSON_GetArraySize(choices) == 0) {
        snprintf(err, errlen, "no choices in the response (%s)",
                 cJSON_IsArray(choices) ? "\"choices\" is empty" : "\"choices\" is missing");
        goto fail;
    }
    const cJSON *c0 = cJSON_GetArrayItem(choices, 0);
    const cJSON *msg = cJSON_GetObjectItemCaseSensitive(c0, "message");
    const cJSON *content = cJSON_GetObjectItemCaseSensitive(msg, "content");
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(c0, "finish_reason");
    if (!cJSON_IsString(content)) {
        snprintf(err, errlen, "the first choice has no message content (finish_reason: %s)",
                 cJSON_IsString(fin) ? fin->valuestring : "none");
        goto fail;
    }
    ans->content = strdup(content->valuestring);
    if (cJSON_IsString(fin))
        ans->finish_reason = strdup(fin->valuestring);
    if (!ans->content || (cJSON_IsString(fin) && !ans->finish_reason)) {
        llm_answer_free(ans);
        snprintf(err, errlen, "out of memory reading the response");
        goto fail;
    }
    const cJSON *usage = cJSON_GetObjectItemCaseSensitive(root, "usage");
    ans->prompt_tokens = token_count(usage, "prompt_tokens");
    ans->completion_tokens = token_count(usage, "completion_tokens");
    cJSON_Delete(root);
    return 0;
fail:
    cJSON_Delete(root);
    return -1;
}

void llm_error_message(const char *body, size_t len, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    out[0] = '\0';
    if (!body || len == 0)
        return;
    cJSON *root = cJSON_ParseWithLength(body, len);
    if (root) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "error");
        if (!m || cJSON_IsNull(m))
            m = cJSON_GetObjectItemCaseSensitive(root, "message");
        if (!m || cJSON_IsNull(m))
            m = cJSON_GetObjectItemCaseSensitive(root, "detail");
        if (cJSON_IsString(m))
            one_line(out, outlen, m->valuestring);
        else if (cJSON_IsObject(m))
            one_line(out, outlen, error_message(m));
        cJSON_Delete(root);
        return;
    }
    /* plain text (or HTML): its first characters, NUL bytes and all cut */
    size_t n = len < LLM_REASON_MAX + 1 ? len : LLM_REASON_MAX + 1;
    char tmp[LLM_REASON_MAX + 2];
    memcpy(tmp, body, n);
    tmp[n] = '\0';
    one_line(out, outlen, tmp);
}

/* ------------------------------------------------------------ configuration */

static const char *env_str(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

static void env_long(const char *name, long min, long *out)
{
    const char *v = env_str(name);
    if (!v)
        return;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < min) {
        fprintf(stderr, "llm: ignoring %s='%s' (not a whole number >= %ld)\n", name, v, min);
        return;
    }
    *out = n;
}

void llm_http_config_from_env(llm_http_config *cfg)
{
    const char *v;
    memset(cfg, 0, sizeof *cfg);
    cfg->url = (v = env_str("MUTSMITH_LLM_URL")) ? v : "https://api.openai.com/v1";
    cfg->model = (v = env_str("MUTSMITH_LLM_MODEL")) ? v : "gpt-4o-mini";
    cfg->key = (v = env_str("MUTSMITH_LLM_KEY")) ? v : env_str("OPENAI_API_KEY");
    cfg->timeout_s = 300;
    cfg->connect_timeout_s = 10;
    env_long("MUTSMITH_LLM_TIMEOUT", 1, &cfg->timeout_s);
    long retries = 5;
    env_long("MUTSMITH_LLM_RETRIES", 0, &retries);
    cfg->max_retries = retries > 100 ? 100 : (int)retries;
    cfg->backoff_s = 1;
    cfg->max_backoff_s = 60;
}

/* ------------------------------------------------------------ code blocks */

/* Length of the line at p, without its LF or CRLF. */
static size_t line_len(const char *p)
{
    size_t n = strcspn(p, "\n");
    if (n > 0 && p[n - 1] == '\r')
        n--;
    return n;
}

static const char *next_line(const char *p)
{
    const char *nl = strchr(p, '\n');
    return nl ? nl + 1 : NULL;
}

/* If the line at p (length n) is a fence, its backtick count, with *indent
 * its leading spaces; else 0. Opening fences may carry an info string
 * without backticks ("c", "C", " c"); closing fences only trailing blanks. */
static size_t fence(const char *p, size_t n, int closing, size_t *indent)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t ticks = 0;
    while (i + ticks < n && p[i + ticks] == '`')
        ticks++;
    if (ticks < 3)
        return 0;
    for (size_t j = i + ticks; j < n; j++) {
        if (p[j] == '`')
            return 0;
        if (closing && p[j] != ' ' && p[j] != '\t')
            return 0;
    }
    *indent = i;
    return ticks;
}

char *llm_extract_code(const char *answer)
{
    return llm_extract_code_next(answer, NULL);
}

char *llm_extract_code_next(const char *answer, const char **rest)
{
    if (rest)
        *rest = NULL;
    if (!answer)
        return NULL;
    const char *p = answer, *body = NULL;
    size_t ticks = 0, indent = 0;
    for (; p; p = next_line(p)) {
        if ((ticks = fence(p, line_len(p), 0, &indent)) != 0) {
            body = next_line(p);
            break;
        }
    }
    if (!body)
        return NULL;
    /* find the closing fence: at least as many backticks */
    const char *close = NULL;
    for (p = body; p; p = next_line(p)) {
        size_t ind, t = fence(p, line_len(p), 1, &ind);
        if (t >= ticks) {
            close = p;
            break;
        }
    }
    if (!close)
        return NULL;
    char *out = malloc((size_t)(close - body) + 1), *o = out;
    if (!out)
        return NULL;
    for (p = body; p != close; p = next_line(p)) {
        size_t n = line_len(p), skip = 0;
        while (skip < indent && skip < n && p[skip] == ' ')
            skip++;
        memcpy(o, p + skip, n - skip);
        o += n - skip;
        *o++ = '\n';
    }
    *o = '\0';
    if (rest)
        *rest = next_line(close);
    return out;
}
