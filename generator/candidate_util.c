/*
 * candidate_util.c - helpers of the candidate modules (candidate_util.h):
 * argument vectors, make-fragment variables, the sandboxed tool run with the
 * environment every candidate run gets, and the text surgery that turns
 * compiler and sanitizer output into short evidence that is the same on
 * every run and every machine (no paths of this machine, no addresses, no
 * process ids).
 */
#include "candidate_util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

void cav_push(cand_argv *a, const char *s)
{
    if (a->n + 2 > a->cap) {
        a->cap = a->cap ? 2 * a->cap : 32;
        a->v = realloc(a->v, (size_t)a->cap * sizeof *a->v);
        if (!a->v) {
            fputs("mutsmith: out of memory\n", stderr);
            abort();
        }
    }
    a->v[a->n++] = strdup(s);
    a->v[a->n] = NULL;
}

void cav_split(cand_argv *a, const char *words)
{
    const char *p = words;
    while (p && *p) {
        while (isspace((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && !isspace((unsigned char)*e))
            e++;
        if (e > p) {
            char *w = strndup(p, (size_t)(e - p));
            cav_push(a, w);
            free(w);
        }
        p = e;
    }
}

void cav_free(cand_argv *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->v[i]);
    free(a->v);
    memset(a, 0, sizeof *a);
}

char *cand_mk_var(const char *path, const char *var)
{
    char *text = gen_slurp(path, NULL);
    if (!text)
        return NULL;
    char *val = NULL;
    size_t vl = strlen(var);
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line && !val;
         line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, var, vl) != 0)
            continue;
        char *p = line + vl;
        while (*p == ' ')
            p++;
        if (strncmp(p, ":=", 2) == 0 || *p == '=') {
            p += *p == ':' ? 2 : 1;
            while (*p == ' ')
                p++;
            val = strdup(p);
        }
    }
    free(text);
    return val;
}

char *const *cand_env_vars(void)
{
    static char **env;
    if (env)
        return env;
    int n = 0;
    while (environ[n])
        n++;
    env = calloc((size_t)n + 8, sizeof *env);
    if (!env)
        return environ;
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *e = environ[i];
        if (!strncmp(e, "ASAN_OPTIONS=", 13) || !strncmp(e, "UBSAN_OPTIONS=", 14) ||
            !strncmp(e, "LSAN_OPTIONS=", 13) || !strncmp(e, "LC_ALL=", 7) ||
            !strncmp(e, "GCC_COLORS=", 11))
            continue;
        env[k++] = environ[i];
    }
    /* leaks found (also at exit of `mutate`), reports symbolized and whole;
     * memory bounded without RLIMIT_AS (ASan reserves terabytes of it) */
    env[k++] = "ASAN_OPTIONS=detect_leaks=1:symbolize=1:abort_on_error=0:"
               "allocator_may_return_null=1:hard_rss_limit_mb=4096:malloc_context_size=8";
    env[k++] = "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1";
    env[k++] = "LC_ALL=C";
    env[k++] = "GCC_COLORS=";
    env[k] = NULL;
    return env;
}

int cand_run(const char *dir, char *const argv[], double wall_s, int untrusted, sb_result *r)
{
    sb_limits l = {.dir = dir,
                   .cpu_s = (int)wall_s + 1,
                   .fsize_mb = 256,
                   .wall_s = wall_s,
                   .no_net = 1,
                   .no_write = untrusted,
                   .out_cap = 8u << 20};
    return sb_run(&l, argv, cand_env_vars(), r);
}

char *cand_unpath(const char *text, const char *const *prefixes, int n)
{
    gbuf b = {0};
    const char *p = text;
    while (*p) {
        int hit = 0;
        for (int i = 0; i < n && !hit; i++) {
            size_t l = prefixes[i] ? strlen(prefixes[i]) : 0;
            if (l > 1 && strncmp(p, prefixes[i], l) == 0 && p[l] == '/') {
                p += l + 1;
                hit = 1;
            }
        }
        if (!hit)
            gbuf_add(&b, p++, 1);
    }
    return gbuf_take(&b);
}

static int starts_diag(const char *line, size_t len)
{
    char tmp[512];
    size_t l = len < sizeof tmp - 1 ? len : sizeof tmp - 1;
    memcpy(tmp, line, l);
    tmp[l] = '\0';
    return strstr(tmp, "error:") || strstr(tmp, "undefined reference") ||
           strstr(tmp, "multiple definition");
}

void cand_clip_add(gbuf *b, const char *s, int max_lines, size_t max_bytes)
{
    int lines = 0;
    for (size_t i = 0; i < b->len; i++)
        lines += b->s[i] == '\n';
    const char *p = s;
    while (*p && lines < max_lines) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (b->len + l + 1 > max_bytes) {
            if (b->len + 4 <= max_bytes)
                gbuf_puts(b, "...\n");
            return;
        }
        gbuf_add(b, p, l);
        gbuf_puts(b, "\n");
        lines++;
        p += l + (e ? 1 : 0);
    }
    if (*p && b->len + 4 <= max_bytes)
        gbuf_puts(b, "...\n");
}

char *cand_pick_errors(const char *text, int max_blocks, int max_lines, size_t max_bytes)
{
    gbuf b = {0};
    int blocks = 0, lines = 0, in_block = 0;
    for (const char *p = text; *p && lines < max_lines;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        int indented = l > 0 && (p[0] == ' ' || p[0] == '\t');
        int take = 0;
        if (starts_diag(p, l)) {
            in_block = blocks < max_blocks;
            blocks += in_block;
            take = in_block;
        } else if (in_block && indented) {
            take = 1;
        } else {
            in_block = 0;
        }
        if (take) {
            if (b.len + l + 1 > max_bytes)
                break;
            gbuf_add(&b, p, l);
            gbuf_puts(&b, "\n");
            lines++;
        }
        p += l + (e ? 1 : 0);
    }
    if (b.len == 0) {
        gbuf_free(&b);
        return NULL;
    }
    return gbuf_take(&b);
}

/* "==123==ERROR: ..." -> "ERROR: ..." */
static const char *skip_pid(const char *line)
{
    if (line[0] == '=' && line[1] == '=') {
        const char *q = line + 2;
        while (isdigit((unsigned char)*q))
            q++;
        if (q[0] == '=' && q[1] == '=')
            return q + 2;
    }
    return line;
}

char *cand_pick_sanitizer(const char *text, int max_frames)
{
    gbuf b = {0};
    int frames = 0, stacks = 0, in_stack = 0;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, l);
        p += l + (e ? 1 : 0);
        const char *s = skip_pid(line);
        const char *t = s;
        while (*t == ' ')
            t++;
        if (t[0] == '#' && isdigit((unsigned char)t[1])) {
            if (!in_stack) {
                in_stack = 1;
                stacks++;
            }
            const char *in = strstr(t, " in ");
            if (stacks == 1 && in && frames < max_frames) {
                char num[8];
                size_t nl = strcspn(t, " ");
                snprintf(num, sizeof num, "%.*s", (int)(nl < 7 ? nl : 7), t);
                /* "func file:line", without "(/lib/x.so+0x1234)" */
                const char *fn = in + 4;
                size_t fl = strlen(fn);
                const char *lib = strstr(fn, " (");
                if (lib)
                    fl = (size_t)(lib - fn);
                gbuf_printf(&b, "    %s %.*s\n", num, (int)fl, fn);
                frames++;
            }
        } else {
            in_stack = 0;
            if (strstr(s, "ERROR: ") || strstr(s, "runtime error:") || strstr(s, "SUMMARY: ") ||
                strstr(s, "Direct leak of") || strstr(s, "Indirect leak of") ||
                strstr(s, "is located") || strstr(s, "The signal is caused by"))
                gbuf_printf(&b, "%s\n", s);
        }
        free(line);
    }
    if (b.len == 0) {
        gbuf_free(&b);
        return NULL;
    }
    return gbuf_take(&b);
}

const char *cand_short_path(const char *path)
{
    const char *last = strrchr(path, '/');
    if (!last)
        return path;
    const char *p = last;
    while (p > path && p[-1] != '/')
        p--;
    return p > path || path[0] != '/' ? p : last + 1;
}
