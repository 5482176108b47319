/*
 * fake_llm.c - a scripted stand-in for an OpenAI-compatible server, for the
 * LLM client's tests. It speaks just enough HTTP/1.1 on 127.0.0.1 (one
 * request per connection, Content-Length bodies, Expect: 100-continue) and
 * answers POST /v1/chat/completions from a JSON script: an array of steps
 * used once each, in order, or by the first unused step whose "match"
 * string occurs in the request. A step is an answer
 *   {"content": "...", "prompt_tokens": N, "completion_tokens": M,
 *    "finish_reason": "stop", "usage": false, "delay": S}
 * an HTTP error {"status": 429, "retry_after": 1, "message": "...",
 * "echo_auth": true (the message ends with the key received, as OpenAI's
 * does)}, an error object in a 200 answer {"error": "..."}, or a
 * fault {"fault": "stall"|"stall_body"|"malformed"|"truncated"|"no_choices"|
 * "close"} (stall_body: the headers and half the answer, then silence).
 * "content_file": "PATH" (relative to the script's directory) sets content
 * from a file, so scripted answers can be kept as readable files.
 * When the script runs out it answers 500 "fake_llm: script exhausted".
 *
 *   fake_llm --script FILE [--port-file F] [--log FILE] [--key K]
 *
 * It binds port 0 and writes the port it got to --port-file, then serves
 * until killed. With --key, requests without "Authorization: Bearer K" get
 * 401. --log appends a JSON line per request: n, method, path, auth (was
 * there an Authorization header; its value is never written), expect (did
 * the client ask for 100 Continue), body_len,
 * step (index used, -1 for none) and body (the request's JSON).
 */
#include <cjson/cJSON.h>

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MAX_HEAD (64 * 1024)
#define MAX_BODY ((size_t)16 << 20)
#define STALL_S 60

static cJSON *script;   /* the array of steps */
static char *used;      /* used[i]: step i has been served */
static const char *key; /* NULL: any request is authorised */
static int log_fd = -1;
static long nreq;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fake_llm: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    if (!buf)
        die("out of memory reading %s", path);
    buf[n] = '\0';
    return buf;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* ------------------------------------------------------------ request */

typedef struct request {
    char method[16], path[1024];
    char *auth;   /* the Authorization header's value, or NULL */
    int expect;   /* the client sent "Expect: 100-continue" */
    char *body;   /* NUL-terminated */
    size_t body_len;
    cJSON *json;  /* body parsed, or NULL */
} request;

/* The value of header `name` in the header block, malloc'd, or NULL. */
static char *header(const char *head, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = strstr(head, "\r\n"); p && p[2]; p = strstr(p + 2, "\r\n")) {
        const char *line = p + 2;
        if (strncasecmp(line, name, nl) == 0 && line[nl] == ':') {
            const char *v = line + nl + 1, *e = strstr(v, "\r\n");
            while (*v == ' ' || *v == '\t')
                v++;
            size_t len = e ? (size_t)(e - v) : strlen(v);
            while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
                len--;
            return strndup(v, len);
        }
    }
    return NULL;
}

static int send_simple(int fd, int status, const char *reason, const char *msg);

/* Read one request. 0 ok, -1 the connection is to be dropped (answered or not). */
static int read_request(int fd, request *r)
{
    char *head = malloc(MAX_HEAD + 1);
    size_t n = 0;
    char *end = NULL;
    memset(r, 0, sizeof *r);
    if (!head)
        return -1;
    while (!end) {
        if (n == MAX_HEAD) {
            send_simple(fd, 431, "Request Header Fields Too Large", "fake_llm: headers too large");
            goto fail;
        }
        ssize_t got = read(fd, head + n, MAX_HEAD - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            goto fail;
        n += (size_t)got;
        head[n] = '\0';
        end = strstr(head, "\r\n\r\n");
    }
    size_t head_len = (size_t)(end - head) + 4;
    end[2] = '\0'; /* keep the last header's CRLF for header() */
    if (sscanf(head, "%15s %1023s", r->method, r->path) != 2) {
        send_simple(fd, 400, "Bad Request", "fake_llm: bad request line");
        goto fail;
    }
    r->auth = header(head, "Authorization");
    char *te = header(head, "Transfer-Encoding"), *cl = header(head, "Content-Length");
    char *expect = header(head, "Expect");
    size_t want = cl ? strtoul(cl, NULL, 10) : 0;
    int chunked = te != NULL;
    int cont = r->expect = expect && strcasecmp(expect, "100-continue") == 0;
    free(te);
    free(cl);
    free(expect);
    if (chunked) {
        send_simple(fd, 411, "Length Required", "fake_llm: send a Content-Length, not chunks");
        goto fail;
    }
    if (want > MAX_BODY) {
        send_simple(fd, 413, "Payload Too Large", "fake_llm: body too large");
        goto fail;
    }
    r->body = malloc(want + 1);
    if (!r->body)
        goto fail;
    size_t have = n - head_len < want ? n - head_len : want;
    memcpy(r->body, head + head_len, have);
    if (cont && have < want && write_all(fd, "HTTP/1.1 100 Continue\r\n\r\n", 25) != 0)
        goto fail;
    while (have < want) {
        ssize_t got = read(fd, r->body + have, want - have);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            goto fail;
        have += (size_t)got;
    }
    r->body[want] = '\0';
    r->body_len = want;
    r->json = cJSON_ParseWithLength(r->body, want);
    free(head);
    return 0;
fail:
    free(head);
    free(r->auth);
    free(r->body);
    memset(r, 0, sizeof *r);
    return -1;
}

static void request_free(request *r)
{
    free(r->auth);
    free(r->body);
    cJSON_Delete(r->json);
}

/* ------------------------------------------------------------ responses */

static int send_response(int fd, int status, const char *reason, const char *extra,
                         const char *body, size_t len, size_t claimed_len)
{
    char head[512];
    int hl = snprintf(head, sizeof head,
                      "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n"
                      "Content-Length: %zu\r\nConnection: close\r\n%s\r\n",
                      status, reason, claimed_len, extra ? extra : "");
    if (hl < 0 || (size_t)hl >= sizeof head)
        return -1;
    if (write_all(fd, head, (size_t)hl) != 0)
        return -1;
    return write_all(fd, body, len);
}

/* An OpenAI-style error answer. */
static int send_error(int fd, int status, const char *reason, const char *extra, const char *msg,
                      const char *type, const char *code)
{
    cJSON *root = cJSON_CreateObject(), *e = cJSON_AddObjectToObject(root, "error");
    cJSON_AddStringToObject(e, "message", msg);
    cJSON_AddStringToObject(e, "type", type);
    cJSON_AddNullToObject(e, "param");
    cJSON_AddStringToObject(e, "code", code);
    char *s = cJSON_PrintUnformatted(root);
    int rc = send_response(fd, status, reason, extra, s, strlen(s), strlen(s));
    cJSON_free(s);
    cJSON_Delete(root);
    return rc;
}

static int send_simple(int fd, int status, const char *reason, const char *msg)
{
    return send_error(fd, status, reason, NULL, msg, "invalid_request_error", "fake_llm");
}

static const char *reason_of(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

static long rough_tokens(size_t chars)
{
    return (long)((chars + 3) / 4);
}

/* Characters of every message's content in the request. */
static size_t prompt_chars(const request *r)
{
    size_t n = 0;
    const cJSON *m, *msgs = cJSON_GetObjectItemCaseSensitive(r->json, "messages");
    cJSON_ArrayForEach(m, msgs)
    {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(m, "content");
        if (cJSON_IsString(c))
            n += strlen(c->valuestring);
    }
    return n;
}

static long num_or(const cJSON *step, const char *name, long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(step, name);
    return cJSON_IsNumber(v) ? (long)v->valuedouble : dflt;
}

static const char *str_or(const cJSON *step, const char *name, const char *dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(step, name);
    return cJSON_IsString(v) ? v->valuestring : dflt;
}

/* The whole chat.completion answer of a content step (NULL content: none). */
static char *completion(const request *r, const cJSON *step, int no_choices)
{
    const char *content = str_or(step, "content", "");
    const cJSON *model = cJSON_GetObjectItemCaseSensitive(r->json, "model");
    char id[64];
    snprintf(id, sizeof id, "chatcmpl-fake-%ld", nreq);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "id", id);
    cJSON_AddStringToObject(root, "object", "chat.completion");
    cJSON_AddNumberToObject(root, "created", (double)time(NULL));
    cJSON_AddStringToObject(root, "model", cJSON_IsString(model) ? model->valuestring : "fake");
    cJSON *choices = cJSON_AddArrayToObject(root, "choices");
    if (!no_choices) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddItemToArray(choices, c);
        cJSON_AddNumberToObject(c, "index", 0);
        cJSON *m = cJSON_AddObjectToObject(c, "message");
        cJSON_AddStringToObject(m, "role", "assistant");
        cJSON_AddStringToObject(m, "content", content);
        cJSON_AddStringToObject(c, "finish_reason", str_or(step, "finish_reason", "stop"));
    }
    if (!cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(step, "usage"))) {
        long p = num_or(step, "prompt_tokens", rough_tokens(prompt_chars(r)));
        long c = num_or(step, "completion_tokens", no_choices ? 0 : rough_tokens(strlen(content)));
        cJSON *u = cJSON_AddObjectToObject(root, "usage");
        cJSON_AddNumberToObject(u, "prompt_tokens", (double)p);
        cJSON_AddNumberToObject(u, "completion_tokens", (double)c);
        cJSON_AddNumberToObject(u, "total_tokens", (double)(p + c));
    }
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

/* Hold the connection without answering until the client leaves or STALL_S
 * pass, in a child so that the next connections are served meanwhile. */
static void stall(int fd)
{
    pid_t parent = getpid(), pid = fork();
    if (pid != 0)
        return; /* parent (or fork failed: the client simply gets a close) */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
        _exit(0); /* the server is gone already */
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buf[512];
    for (time_t t0 = time(NULL); time(NULL) - t0 < STALL_S;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            break;
    }
    _exit(0);
}

static void serve_step(int fd, const request *r, const cJSON *step)
{
    const char *fault = str_or(step, "fault", NULL);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(step, "status");
    double delay = cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(step, "delay"))
                       ? cJSON_GetObjectItemCaseSensitive(step, "delay")->valuedouble
                       : 0;
    if (delay > 0) {
        struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
        nanosleep(&ts, NULL);
    }
    if (fault) {
        if (!strcmp(fault, "stall")) {
            stall(fd);
        } else if (!strcmp(fault, "stall_body")) {
            char *s = completion(r, step, 0);
            if (send_response(fd, 200, "OK", NULL, s, strlen(s) / 2, strlen(s)) == 0)
                stall(fd);
            cJSON_free(s);
        } else if (!strcmp(fault, "malformed")) {
            const char *bad = "{\"id\": \"chatcmpl-fake\", \"object\": chat.completion, \"choices\": []}";
            send_response(fd, 200, "OK", NULL, bad, strlen(bad), strlen(bad));
        } else if (!strcmp(fault, "truncated")) {
            char *s = completion(r, step, 0);
            send_response(fd, 200, "OK", NULL, s, strlen(s) / 2, strlen(s));
            cJSON_free(s);
        } else if (!strcmp(fault, "no_choices")) {
            char *s = completion(r, step, 1);
            send_response(fd, 200, "OK", NULL, s, strlen(s), strlen(s));
            cJSON_free(s);
        } else if (strcmp(fault, "close") != 0) {
            send_simple(fd, 500, "Internal Server Error", "fake_llm: unknown fault in the script");
        }
        return;
    }
    if (cJSON_IsNumber(st) && (int)st->valuedouble != 200) {
        int status = (int)st->valuedouble;
        char extra[64] = "", msg[512];
        long ra = num_or(step, "retry_after", -1);
        if (ra >= 0)
            snprintf(extra, sizeof extra, "Retry-After: %ld\r\n", ra);
        const char *dflt = status == 429   ? "Rate limit reached for requests (fake_llm)"
                           : status == 401 ? "Incorrect API key provided (fake_llm)"
                           : status == 404 ? "The model does not exist (fake_llm)"
                           : status >= 500 ? "The server had an error processing your request (fake_llm)"
                                           : "fake_llm: scripted error";
        snprintf(msg, sizeof msg, "%s", str_or(step, "message", dflt));
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(step, "echo_auth")) && r->auth)
            snprintf(msg, sizeof msg, "%s: %s", str_or(step, "message", "Incorrect API key provided"),
                     strncmp(r->auth, "Bearer ", 7) ? r->auth : r->auth + 7);
        send_error(fd, status, reason_of(status), extra, msg,
                   status == 429 ? "requests" : "invalid_request_error",
                   status == 429 ? "rate_limit_exceeded" : "fake_llm");
        return;
    }
    const char *err = str_or(step, "error", NULL);
    if (err) {
        send_error(fd, 200, "OK", NULL, err, "server_error", "fake_llm");
        return;
    }
    char *s = completion(r, step, 0);
    send_response(fd, 200, "OK", NULL, s, strlen(s), strlen(s));
    cJSON_free(s);
}

/* ------------------------------------------------------------ the script */

static int occurs_in(const request *r, const char *needle)
{
    if (strstr(r->body, needle))
        return 1;
    const cJSON *m, *msgs = cJSON_GetObjectItemCaseSensitive(r->json, "messages");
    cJSON_ArrayForEach(m, msgs)
    {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(m, "content");
        if (cJSON_IsString(c) && strstr(c->valuestring, needle))
            return 1;
    }
    return 0;
}

/* The step for this request: the first unused one whose "match" occurs in
 * it, else the first unused one without "match"; -1 when none is left. */
static int pick_step(const request *r)
{
    int n = cJSON_GetArraySize(script);
    for (int i = 0; i < n; i++) {
        const char *m = str_or(cJSON_GetArrayItem(script, i), "match", NULL);
        if (!used[i] && m && occurs_in(r, m))
            return i;
    }
    for (int i = 0; i < n; i++)
        if (!used[i] && !str_or(cJSON_GetArrayItem(script, i), "match", NULL))
            return i;
    return -1;
}

static void log_request(const request *r, int step)
{
    if (log_fd < 0)
        return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "n", (double)nreq);
    cJSON_AddStringToObject(o, "method", r->method);
    cJSON_AddStringToObject(o, "path", r->path);
    cJSON_AddBoolToObject(o, "auth", r->auth != NULL);
    cJSON_AddBoolToObject(o, "expect", r->expect);
    cJSON_AddNumberToObject(o, "body_len", (double)r->body_len);
    cJSON_AddNumberToObject(o, "step", step);
    if (r->json)
        cJSON_AddItemToObject(o, "body", cJSON_Duplicate(r->json, 1));
    else
        cJSON_AddStringToObject(o, "body", r->body);
    char *s = cJSON_PrintUnformatted(o);
    size_t len = strlen(s);
    s[len] = '\n'; /* replaces the NUL: written with its length */
    write_all(log_fd, s, len + 1);
    s[len] = '\0';
    cJSON_free(s);
    cJSON_Delete(o);
}

static void handle(int fd)
{
    request r;
    if (read_request(fd, &r) != 0)
        return;
    nreq++;
    int step = -1, authorised = 1;
    if (key) {
        size_t kl = strlen(key);
        authorised = r.auth && !strncmp(r.auth, "Bearer ", 7) && strlen(r.auth + 7) == kl &&
                     !memcmp(r.auth + 7, key, kl);
    }
    int route = !strcmp(r.path, "/v1/chat/completions");
    if (strcmp(r.method, "POST") == 0 && route && authorised && r.json)
        step = pick_step(&r);
    log_request(&r, step);

    if (strcmp(r.method, "POST") != 0)
        send_simple(fd, 405, "Method Not Allowed", "fake_llm: POST only");
    else if (!route)
        send_error(fd, 404, "Not Found", NULL, "fake_llm: no such route (use /v1/chat/completions)",
                   "invalid_request_error", "not_found");
    else if (!authorised)
        send_error(fd, 401, "Unauthorized", NULL, "Incorrect API key provided (fake_llm)",
                   "invalid_request_error", "invalid_api_key");
    else if (!r.json)
        send_simple(fd, 400, "Bad Request", "fake_llm: the body is not JSON");
    else if (step < 0)
        send_error(fd, 500, "Internal Server Error", NULL, "fake_llm: script exhausted",
                   "server_error", "fake_llm");
    else {
        used[step] = 1;
        serve_step(fd, &r, cJSON_GetArrayItem(script, step));
    }
    request_free(&r);
}

/* ------------------------------------------------------------ main */

static void usage(void)
{
    fputs("usage: fake_llm --script FILE [--port-file F] [--log FILE] [--key K]\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *script_path = NULL, *port_file = NULL, *log_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        if (!strcmp(a, "--script"))
            script_path = argv[++i];
        else if (!strcmp(a, "--port-file"))
            port_file = argv[++i];
        else if (!strcmp(a, "--log"))
            log_path = argv[++i];
        else if (!strcmp(a, "--key"))
            key = argv[++i];
        else
            usage();
    }
    if (!script_path)
        usage();
    char *text = slurp(script_path);
    script = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsArray(script))
        die("%s: the script must be a JSON array of steps", script_path);
    cJSON *s;
    cJSON_ArrayForEach(s, script)
    {
        if (!cJSON_IsObject(s))
            die("%s: every step must be an object", script_path);
        const char *cf = str_or(s, "content_file", NULL);
        if (cf) {
            char path[4096];
            const char *slash = strrchr(script_path, '/');
            int dirlen = slash ? (int)(slash - script_path) : 1;
            snprintf(path, sizeof path, "%.*s/%s", dirlen, slash ? script_path : ".", cf);
            char *content = slurp(path);
            cJSON_AddStringToObject(s, "content", content);
            free(content);
        }
    }
    used = calloc((size_t)cJSON_GetArraySize(script) + 1, 1);
    if (!used)
        die("out of memory");
    if (log_path && (log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0)
        die("cannot open %s: %s", log_path, strerror(errno));

    signal(SIGPIPE, SIG_IGN);
    signal(SIGCHLD, SIG_IGN); /* stalling children reap themselves */
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    struct sockaddr_in sa;
    socklen_t sl = sizeof sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (ls < 0 || setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(ls, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(ls, 16) != 0 ||
        getsockname(ls, (struct sockaddr *)&sa, &sl) != 0)
        die("cannot listen on 127.0.0.1: %s", strerror(errno));
    if (port_file) {
        char tmp[4096], num[16];
        snprintf(tmp, sizeof tmp, "%s.tmp", port_file);
        int n = snprintf(num, sizeof num, "%d\n", ntohs(sa.sin_port));
        int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || write_all(fd, num, (size_t)n) != 0 || close(fd) != 0 ||
            rename(tmp, port_file) != 0)
            die("cannot write %s: %s", port_file, strerror(errno));
    }
    for (;;) {
        int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            die("accept: %s", strerror(errno));
        }
        struct timeval tv = {10, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        handle(fd);
        close(fd);
    }
}
