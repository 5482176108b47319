/*
 * triage_campaign.c - read OUT/campaign.cmd (format in docs/CAMPAIGN.md) and
 * turn it into the argv/envp of one run of the target, or into a runnable
 * shell script, for `mutsmith triage`.
 */
#include "triage_campaign.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

char *ms_tri_find_program(const char *name)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    size_t nl = strlen(name);
    for (const char *p = path; *p;) {
        const char *e = strchr(p, ':');
        size_t dl = e ? (size_t)(e - p) : strlen(p);
        if (dl > 0) {
            char *full = malloc(dl + nl + 2);
            if (!full)
                return NULL;
            snprintf(full, dl + nl + 2, "%.*s/%s", (int)dl, p, name);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
                return full;
            free(full);
        }
        p += dl;
        if (*p == ':')
            p++;
    }
    return NULL;
}

static int push(char ***v, int *n, const char *s)
{
    char **nv = realloc(*v, (size_t)(*n + 2) * sizeof **v);
    if (!nv)
        return -1;
    *v = nv;
    nv[*n] = strdup(s);
    if (!nv[*n])
        return -1;
    (*n)++;
    nv[*n] = NULL;
    return 0;
}

static void free_vec(char **v, int n)
{
    if (!v)
        return;
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void ms_tri_campaign_free(ms_tri_campaign *c)
{
    if (!c)
        return;
    free(c->kind);
    free(c->target);
    free_vec(c->args, c->nargs);
    free_vec(c->env, c->nenv);
    free(c->envp); /* the strings belong to environ and env */
    free(c);
}

/* environ with every KEY=VALUE of c->env replacing or adding KEY */
static int build_envp(ms_tri_campaign *c)
{
    int n = 0;
    while (environ[n])
        n++;
    c->envp = calloc((size_t)(n + c->nenv + 1), sizeof *c->envp);
    if (!c->envp)
        return -1;
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *eq = strchr(environ[i], '=');
        size_t kl = eq ? (size_t)(eq - environ[i]) : strlen(environ[i]);
        int overridden = 0;
        for (int j = 0; j < c->nenv && !overridden; j++)
            overridden = !strncmp(c->env[j], environ[i], kl) && c->env[j][kl] == '=';
        if (!overridden)
            c->envp[k++] = environ[i];
    }
    for (int j = 0; j < c->nenv; j++)
        c->envp[k++] = c->env[j];
    c->envp[k] = NULL;
    return 0;
}

int ms_tri_campaign_load(ms_tri_campaign **out, const char *outdir, char *err, size_t errlen)
{
    *out = NULL;
    size_t pl = strlen(outdir) + 32;
    char *path = malloc(pl);
    char *text = NULL;
    size_t len;
    ms_tri_campaign *c = calloc(1, sizeof *c);
    if (!path || !c) {
        snprintf(err, errlen, "out of memory");
        goto error;
    }
    snprintf(path, pl, "%s/campaign.cmd", outdir);
    if (ms_read_file(path, &text, &len, err, errlen) != 0)
        goto error;
    c->crash_exitcode = -1;
    int lineno = 0;
    for (char *line = text, *next; line && *line; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *sp = strchr(line, ' ');
        const char *val = sp ? sp + 1 : "";
        if (sp)
            *sp = '\0';
        int bad = 0;
        if (!strcmp(line, "kind")) {
            free(c->kind);
            bad = !(c->kind = strdup(val));
        } else if (!strcmp(line, "target")) {
            free(c->target);
            bad = !(c->target = strdup(val));
        } else if (!strcmp(line, "arg")) {
            bad = push(&c->args, &c->nargs, val) != 0;
            if (strstr(val, "@@"))
                c->file_arg = 1;
        } else if (!strcmp(line, "env")) {
            if (!strchr(val, '=') || val[0] == '=') {
                snprintf(err, errlen, "%s:%d: env needs KEY=VALUE", path, lineno);
                goto error;
            }
            bad = push(&c->env, &c->nenv, val) != 0;
            unsigned long long v;
            if (!strncmp(val, "AFL_CRASH_EXITCODE=", 19) && ms_parse_uint(val + 19, &v) == 0 &&
                v < 256)
                c->crash_exitcode = (int)v;
        } else if (!strcmp(line, "timeout_ms")) {
            unsigned long long v;
            if (ms_parse_uint(val, &v) || v == 0 || v > 86400000ULL) {
                snprintf(err, errlen, "%s:%d: bad timeout_ms '%s'", path, lineno, val);
                goto error;
            }
            c->timeout_ms = (unsigned long)v;
        } /* version, guided, map_size, flags, instances: not needed here */
        if (bad) {
            snprintf(err, errlen, "out of memory");
            goto error;
        }
    }
    if (!c->target || !c->target[0]) {
        snprintf(err, errlen, "%s has no 'target' line", path);
        goto error;
    }
    if (!strchr(c->target, '/')) {
        /* resolved here: the child of a threaded fork must not search PATH */
        char *full = ms_tri_find_program(c->target);
        if (!full) {
            snprintf(err, errlen, "%s: target '%s' not found in PATH", path, c->target);
            goto error;
        }
        free(c->target);
        c->target = full;
    }
    if (!c->kind && !(c->kind = strdup("other"))) {
        snprintf(err, errlen, "out of memory");
        goto error;
    }
    if (c->timeout_ms == 0)
        c->timeout_ms = 1000; /* afl-fuzz's default -t */
    if (build_envp(c) != 0) {
        snprintf(err, errlen, "out of memory");
        goto error;
    }
    free(text);
    free(path);
    *out = c;
    return 0;
error:
    free(text);
    free(path);
    ms_tri_campaign_free(c);
    return -1;
}

/* s with every "@@" replaced by file */
static char *subst(const char *s, const char *file)
{
    size_t n = 0, fl = strlen(file);
    for (const char *p = s; (p = strstr(p, "@@")) != NULL; p += 2)
        n++;
    char *r = malloc(strlen(s) + n * fl + 1), *o = r;
    if (!r)
        return NULL;
    for (const char *p = s; *p;) {
        if (p[0] == '@' && p[1] == '@') {
            memcpy(o, file, fl);
            o += fl;
            p += 2;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return r;
}

char **ms_tri_campaign_argv(const ms_tri_campaign *c, const char *file)
{
    char **argv = calloc((size_t)c->nargs + 2, sizeof *argv);
    if (!argv)
        return NULL;
    argv[0] = strdup(c->target);
    if (!argv[0])
        goto error;
    for (int i = 0; i < c->nargs; i++)
        if (!(argv[i + 1] = subst(c->args[i], file)))
            goto error;
    return argv;
error:
    ms_tri_argv_free(argv);
    return NULL;
}

void ms_tri_argv_free(char **argv)
{
    if (!argv)
        return;
    for (char **p = argv; *p; p++)
        free(*p);
    free(argv);
}

void ms_tri_shell_quote(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    }
    fputc('\'', f);
}

/* an argument with "@@" as quoted pieces around "$f" */
static void write_arg(FILE *f, const char *a)
{
    const char *p = a;
    int any = 0;
    for (const char *q; (q = strstr(p, "@@")) != NULL; p = q + 2) {
        if (q > p) {
            char *piece = strndup(p, (size_t)(q - p));
            if (!piece)
                ms_die("out of memory");
            ms_tri_shell_quote(f, piece);
            free(piece);
        }
        fputs("\"$f\"", f);
        any = 1;
    }
    if (*p || !any)
        ms_tri_shell_quote(f, p);
}

void ms_tri_campaign_write_script(FILE *f, const ms_tri_campaign *c, const char *default_file)
{
    fputs("#!/bin/sh\n", f);
    fprintf(f, "# The campaign's command (%s target) on one input.\n", c->kind);
    fprintf(f, "# usage: sh command.sh [FILE]   (default: %s next to this script)\n",
            default_file);
    fputs("f=${1:-\"$(dirname \"$0\")/", f);
    fputs(default_file, f);
    fputs("\"}\n", f);
    fputs("exec ", f);
    if (c->nenv > 0) {
        fputs("env ", f);
        for (int i = 0; i < c->nenv; i++) {
            ms_tri_shell_quote(f, c->env[i]);
            fputc(' ', f);
        }
    }
    ms_tri_shell_quote(f, c->target);
    for (int i = 0; i < c->nargs; i++) {
        fputc(' ', f);
        write_arg(f, c->args[i]);
    }
    if (!c->file_arg)
        fputs(" < \"$f\"", f);
    fputc('\n', f);
}
