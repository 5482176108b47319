/*
 * llm_http.c - the "http" backend: an OpenAI-compatible chat-completions
 * POST over libcurl, one easy handle per attempt. Bounded by a whole-request
 * timeout, a connect timeout, TCP keepalive (a peer that vanished while the
 * model thinks) and a stall detector (an answer that started and stopped
 * flowing). Rate limits, server errors, timeouts and broken connections are
 * retried with exponential backoff, honouring Retry-After. Every failure
 * ends as one line that says what to do; the API key travels only in a
 * header and is scrubbed from any message that might echo it.
 */
#include "llm.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define HTTP_MAX_BODY ((size_t)32 << 20) /* a larger answer is refused */
#define HTTP_STALL_S 60 /* silence once the answer began that is a stall (at most half the timeout) */

typedef struct http_backend {
    llm_backend base;
    char *url;   /* base + "/chat/completions" */
    char *shown; /* url without user info, query or fragment: for messages */
    char *model;
    char *key;   /* NULL: no Authorization header */
    char *auth;  /* "Authorization: Bearer KEY" or NULL */
    int bad_key; /* the key holds control characters: refuse to send it */
    long timeout_s, connect_timeout_s;
    int max_retries;
    double backoff_s, max_backoff_s;
} http_backend;

/* One attempt: what came back and how the transfer went. */
typedef struct attempt {
    char *body;
    size_t len, cap;
    int too_big;
    long status;        /* HTTP status, 0 without a response */
    double retry_after; /* seconds, -1 if none */
    CURLcode rc;
    char curl_err[CURL_ERROR_SIZE];
    long stall_s;
    int started; /* the response's first header arrived */
    int stalled;
    curl_off_t last_bytes;
    double last_move;
} attempt;

/* How an attempt ended, for the retry loop and the final message. */
typedef struct verdict {
    int ok, retry;
    char what[48];    /* short cause for the retry notice: "HTTP 429" */
    char cause[512];  /* "timed out waiting for URL (...)" */
    const char *advice; /* what to do, or NULL */
    char server[256]; /* the server's own message, trimmed, or "" */
} verdict;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc = CURLE_FAILED_INIT;

static void curl_init(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
    if (s <= 0)
        return;
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* ------------------------------------------------------------ curl callbacks */

static size_t on_body(char *p, size_t size, size_t n, void *arg)
{
    attempt *a = arg;
    size_t add = size * n;
    if (a->len + add > HTTP_MAX_BODY) {
        a->too_big = 1;
        return 0; /* aborts the transfer */
    }
    if (a->len + add + 1 > a->cap) {
        size_t cap = a->cap ? a->cap : 16384;
        while (cap < a->len + add + 1)
            cap *= 2;
        char *nb = realloc(a->body, cap);
        if (!nb)
            return 0;
        a->body = nb;
        a->cap = cap;
    }
    memcpy(a->body + a->len, p, add);
    a->len += add;
    a->body[a->len] = '\0';
    return add;
}

/* Headers: remember Retry-After (seconds form) of the final response. */
static size_t on_header(char *p, size_t size, size_t n, void *arg)
{
    attempt *a = arg;
    size_t len = size * n;
    a->started = 1;
    a->last_move = now_s();
    if (len >= 5 && !strncmp(p, "HTTP/", 5)) {
        a->retry_after = -1; /* a new response (after a 100 Continue) */
    } else if (len > 12 && !strncasecmp(p, "Retry-After:", 12)) {
        char v[32];
        size_t i = 12, k = 0;
        while (i < len && (p[i] == ' ' || p[i] == '\t'))
            i++;
        while (i < len && k + 1 < sizeof v && p[i] != '\r' && p[i] != '\n')
            v[k++] = p[i++];
        v[k] = '\0';
        char *end;
        double s = strtod(v, &end);
        while (*end == ' ' || *end == '\t')
            end++;
        if (end != v && *end == '\0' && s >= 0 && v[0] >= '0' && v[0] <= '9')
            a->retry_after = s; /* an HTTP-date is ignored: backoff applies */
    }
    return len;
}

/* Abort when an answer that had begun stops flowing for stall_s. Silence
 * before the first header is normal: a non-streamed answer arrives whole,
 * after the model has finished; only the overall timeout bounds that. This
 * is why CURLOPT_LOW_SPEED_LIMIT/TIME are not used: they also count that
 * silence, and would cut off a model that takes long to think. */
static int on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    attempt *a = arg;
    if (!a->started)
        return 0;
    double t = now_s();
    if (dlnow != a->last_bytes) {
        a->last_bytes = dlnow;
        a->last_move = t;
    } else if (t - a->last_move > (double)a->stall_s) {
        a->stalled = 1;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ one attempt */

static void perform(const http_backend *h, const char *body, attempt *a)
{
    struct curl_slist *hdr = NULL, *t;
    const char *lines[] = {"Content-Type: application/json", "Accept: application/json",
                           "Expect:", h->auth};
    CURL *c = curl_easy_init();
    a->rc = CURLE_OUT_OF_MEMORY;
    if (!c)
        return;
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (!lines[i])
            continue;
        if (!(t = curl_slist_append(hdr, lines[i])))
            goto done;
        hdr = t;
    }
    curl_easy_setopt(c, CURLOPT_URL, h->url);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    curl_easy_setopt(c, CURLOPT_USERAGENT, "mutsmith");
    curl_easy_setopt(c, CURLOPT_TIMEOUT, h->timeout_s);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, h->connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPINTVL, 15L);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, a);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, a);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, a->curl_err);
    a->rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &a->status);
    if (a->status >= 300 && a->status < 400) {
        char *loc = NULL;
        curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc);
        snprintf(a->curl_err, sizeof a->curl_err, "%s", loc ? loc : "");
        a->curl_err[strcspn(a->curl_err, "?#")] = '\0';
    }
done:
    curl_slist_free_all(hdr);
    curl_easy_cleanup(c);
}

/* ------------------------------------------------------------ verdicts */

/* url without "user:password@", "?query" and "#fragment". */
static char *shown_url(const char *url)
{
    char *s = strdup(url);
    if (!s)
        return NULL;
    s[strcspn(s, "?#")] = '\0';
    char *auth = strstr(s, "://");
    auth = auth ? auth + 3 : s;
    size_t alen = strcspn(auth, "/");
    char *at = memchr(auth, '@', alen);
    if (at) {
        char *last = at;
        while ((at = memchr(at + 1, '@', alen - (size_t)(at + 1 - auth))) != NULL)
            last = at;
        memmove(auth, last + 1, strlen(last + 1) + 1);
    }
    return s;
}

static void curl_verdict(const http_backend *h, const attempt *a, verdict *v)
{
    const char *ce = a->curl_err[0] ? a->curl_err : curl_easy_strerror(a->rc);
    switch (a->rc) {
    case CURLE_OPERATION_TIMEDOUT:
        v->retry = 1;
        snprintf(v->what, sizeof v->what, "timed out");
        snprintf(v->cause, sizeof v->cause, "timed out waiting for %s (%s)", h->shown, ce);
        v->advice = "raise MUTSMITH_LLM_TIMEOUT or check the server";
        break;
    case CURLE_COULDNT_CONNECT:
        snprintf(v->cause, sizeof v->cause, "host unreachable: no connection to %s (%s)", h->shown,
                 ce);
        v->advice = "is the server running? check MUTSMITH_LLM_URL";
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        snprintf(v->cause, sizeof v->cause, "host unreachable: cannot resolve the host of %s (%s)",
                 h->shown, ce);
        v->advice = "check MUTSMITH_LLM_URL and the network";
        break;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        snprintf(v->cause, sizeof v->cause, "bad URL %s (%s)", h->shown, ce);
        v->advice = "set MUTSMITH_LLM_URL to http(s)://host[:port]/v1";
        break;
    case CURLE_GOT_NOTHING:
        v->retry = 1;
        snprintf(v->what, sizeof v->what, "connection closed");
        snprintf(v->cause, sizeof v->cause,
                 "connection reset: %s closed the connection without answering", h->shown);
        break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        v->retry = 1;
        snprintf(v->what, sizeof v->what, "connection reset");
        snprintf(v->cause, sizeof v->cause, "connection reset talking to %s (%s)", h->shown, ce);
        break;
    case CURLE_PARTIAL_FILE:
        v->retry = 1;
        snprintf(v->what, sizeof v->what, "truncated body");
        snprintf(v->cause, sizeof v->cause, "truncated body from %s (%s)", h->shown, ce);
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        if (a->stalled) {
            v->retry = 1;
            snprintf(v->what, sizeof v->what, "stalled");
            snprintf(v->cause, sizeof v->cause,
                     "timed out: %s stopped sending its answer for %ld s", h->shown, a->stall_s);
            v->advice = "check the server";
            break;
        }
        /* fall through */
    default:
        if (a->too_big)
            snprintf(v->cause, sizeof v->cause, "the answer from %s is larger than %zu MB",
                     h->shown, HTTP_MAX_BODY >> 20);
        else
            snprintf(v->cause, sizeof v->cause, "request to %s failed (%s)", h->shown, ce);
        break;
    }
}

static void status_verdict(const http_backend *h, const attempt *a, verdict *v)
{
    long s = a->status;
    llm_error_message(a->body, a->len, v->server, sizeof v->server);
    snprintf(v->what, sizeof v->what, "HTTP %ld", s);
    if (s == 401 || s == 403) {
        if (h->key)
            snprintf(v->cause, sizeof v->cause, "the server refused the API key (HTTP %ld)", s);
        else
            snprintf(v->cause, sizeof v->cause,
                     "the server refused the request without an API key (HTTP %ld)", s);
        v->advice = "set MUTSMITH_LLM_KEY or OPENAI_API_KEY";
    } else if (s == 404) {
        snprintf(v->cause, sizeof v->cause, "%s not found (HTTP 404)", h->shown);
        v->advice = "check MUTSMITH_LLM_URL (should end in /v1) and MUTSMITH_LLM_MODEL";
    } else if (s == 429) {
        v->retry = 1;
        snprintf(v->cause, sizeof v->cause, "rate-limited by %s (HTTP 429)", h->shown);
        v->advice = "wait, or lower the request rate";
    } else if (s == 408 || (s >= 500 && s <= 599)) {
        v->retry = 1;
        snprintf(v->cause, sizeof v->cause, "server error (HTTP %ld) from %s", s, h->shown);
    } else if (s >= 300 && s <= 399) {
        snprintf(v->cause, sizeof v->cause, "%s redirects (HTTP %ld) to %s", h->shown, s,
                 a->curl_err[0] ? a->curl_err : "elsewhere");
        v->advice = "set MUTSMITH_LLM_URL to the final address";
        v->server[0] = '\0';
    } else {
        snprintf(v->cause, sizeof v->cause, "the server rejected the request (HTTP %ld)", s);
        v->advice = "check MUTSMITH_LLM_MODEL and the request's size";
    }
}

static void judge(const http_backend *h, attempt *a, llm_answer *ans, verdict *v)
{
    memset(v, 0, sizeof *v);
    if (a->rc != CURLE_OK) {
        curl_verdict(h, a, v);
    } else if (a->status < 200 || a->status > 299) {
        status_verdict(h, a, v);
    } else {
        char why[256];
        if (llm_parse_response(a->body ? a->body : "", a->len, ans, why, sizeof why) == 0)
            v->ok = 1;
        else
            snprintf(v->cause, sizeof v->cause, "answer from %s: %s", h->shown, why);
    }
}

/* Replace every occurrence of key in s[0..len) by "***" (in place: never
 * longer; s stays NUL-terminated); the new length. */
static size_t scrub(char *s, size_t len, const char *key)
{
    size_t kl = key ? strlen(key) : 0;
    if (kl == 0 || !s)
        return len;
    const char *mask = kl >= 3 ? "***" : "*";
    size_t ml = kl >= 3 ? 3 : 1, at = 0;
    char *p;
    while ((p = memmem(s + at, len - at, key, kl)) != NULL) {
        memcpy(p, mask, ml);
        memmove(p + ml, p + kl, len - (size_t)(p + kl - s));
        len -= kl - ml;
        at = (size_t)(p + ml - s);
    }
    s[len] = '\0';
    return len;
}

/* ------------------------------------------------------------ the backend */

static int http_chat(llm_backend *b, const llm_request *req, llm_answer *ans, char *err,
                     size_t errlen)
{
    http_backend *h = (http_backend *)b;
    int total = h->max_retries + 1, rv = -1, n;
    double backoff = h->backoff_s;
    verdict v;
    memset(ans, 0, sizeof *ans);
    ans->prompt_tokens = ans->completion_tokens = -1;
    if (h->bad_key) {
        snprintf(err, errlen, "the API key contains a control character (a line break?): "
                              "check MUTSMITH_LLM_KEY or OPENAI_API_KEY");
        return -1;
    }
    char *body = llm_request_body(h->model, req);
    if (!body) {
        snprintf(err, errlen, "out of memory building the request");
        return -1;
    }
    for (n = 1;; n++) {
        attempt a;
        memset(&a, 0, sizeof a);
        a.retry_after = -1;
        a.stall_s = h->timeout_s / 2 < HTTP_STALL_S ? h->timeout_s / 2 : HTTP_STALL_S;
        if (a.stall_s < 1)
            a.stall_s = 1;
        perform(h, body, &a);
        a.len = scrub(a.body, a.len, h->key); /* servers may echo the key in errors */
        judge(h, &a, ans, &v);
        free(a.body);
        if (v.ok) {
            ans->attempts = n;
            rv = 0;
            break;
        }
        if (!v.retry || n == total)
            break;
        double wait = a.retry_after >= 0 ? a.retry_after : backoff;
        if (wait > h->max_backoff_s)
            wait = h->max_backoff_s;
        fprintf(stderr, "llm: %s, retrying in %g s (attempt %d of %d)\n", v.what, wait, n + 1,
                total);
        sleep_s(wait);
        backoff *= 2;
    }
    if (rv != 0) {
        /* whole, then scrubbed, then cut to errlen: a cut cannot leave half a key */
        char tries[48] = "", full[sizeof v.cause + sizeof v.server + 256];
        if (n > 1)
            snprintf(tries, sizeof tries, ", after %d attempts", n);
        snprintf(full, sizeof full, "%s%s%s%s%s%s%s", v.cause, tries, v.advice ? ": " : "",
                 v.advice ? v.advice : "", v.server[0] ? " (server: \"" : "", v.server,
                 v.server[0] ? "\")" : "");
        scrub(full, strlen(full), h->key);
        snprintf(err, errlen, "%s", full);
    }
    free(body);
    return rv;
}

static void http_destroy(llm_backend *b)
{
    http_backend *h = (http_backend *)b;
    if (!h)
        return;
    free(h->url);
    free(h->shown);
    free(h->model);
    free(h->key);
    free(h->auth);
    free(h);
}

llm_backend *llm_http_new(const llm_http_config *cfg)
{
    pthread_once(&curl_once, curl_init);
    if (curl_init_rc != CURLE_OK)
        return NULL;
    http_backend *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->base.name = "http";
    h->base.chat = http_chat;
    h->base.destroy = http_destroy;

    const char *base = cfg->url && *cfg->url ? cfg->url : "https://api.openai.com/v1";
    const char *tail = "/chat/completions";
    size_t bl = strlen(base), tl = strlen(tail);
    while (bl > 0 && base[bl - 1] == '/')
        bl--;
    if (bl >= tl && !memcmp(base + bl - tl, tail, tl))
        tail = ""; /* given the full endpoint already */
    h->url = malloc(bl + strlen(tail) + 1);
    if (h->url) {
        memcpy(h->url, base, bl);
        memcpy(h->url + bl, tail, strlen(tail) + 1);
        h->shown = shown_url(h->url);
    }
    h->model = strdup(cfg->model && *cfg->model ? cfg->model : "gpt-4o-mini");
    if (cfg->key) {
        /* surrounding blanks (a key pasted with its newline) are not part of it */
        const char *k = cfg->key, *pre = "Authorization: Bearer ";
        size_t kl = strlen(k);
        while (kl > 0 && (*k == ' ' || *k == '\t' || *k == '\r' || *k == '\n'))
            k++, kl--;
        while (kl > 0 && (k[kl - 1] == ' ' || k[kl - 1] == '\t' || k[kl - 1] == '\r' ||
                          k[kl - 1] == '\n'))
            kl--;
        for (size_t i = 0; i < kl; i++)
            if ((unsigned char)k[i] < 0x20 || k[i] == 0x7f)
                h->bad_key = 1;
        if (kl > 0) {
            h->key = strndup(k, kl);
            h->auth = malloc(strlen(pre) + kl + 1);
            if (!h->key || !h->auth)
                goto oom;
            memcpy(h->auth, pre, strlen(pre));
            memcpy(h->auth + strlen(pre), k, kl);
            h->auth[strlen(pre) + kl] = '\0';
        }
    }
    if (!h->url || !h->shown || !h->model)
        goto oom;
    h->timeout_s = cfg->timeout_s > 0 ? cfg->timeout_s : 300;
    h->connect_timeout_s = cfg->connect_timeout_s > 0 ? cfg->connect_timeout_s : 10;
    h->max_retries = cfg->max_retries > 0 ? cfg->max_retries : 0;
    h->backoff_s = cfg->backoff_s > 0 ? cfg->backoff_s : 1;
    h->max_backoff_s = cfg->max_backoff_s > 0 ? cfg->max_backoff_s : 60;
    return &h->base;
oom:
    http_destroy(&h->base);
    return NULL;
}
