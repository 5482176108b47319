/*
 * triage_inputs.c - find a campaign's saved crash and hang files and parse
 * the mutator description out of their AFL++ names (see triage_inputs.h).
 */
#include "triage_inputs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *ms_tri_afl_desc(const char *name)
{
    static const char *const drop[] = {"id:", "sig:", "src:", "time:", "execs:", "sync:",
                                       "rep:", "pos:", "val:", NULL};
    size_t n = strlen(name);
    char *out = malloc(n + 16);
    if (!out)
        return NULL;
    out[0] = '\0';
    size_t o = 0;
    for (const char *p = name; *p;) {
        const char *e = strchr(p, ',');
        size_t tl = e ? (size_t)(e - p) : strlen(p);
        int keep = tl > 0 && !(tl == 4 && !strncmp(p, "+cov", 4)) &&
                   !(tl == 5 && !strncmp(p, "+tout", 5));
        for (int i = 0; keep && drop[i]; i++)
            if (!strncmp(p, drop[i], strlen(drop[i])))
                keep = 0;
        if (keep && !strncmp(p, "orig:", 5)) {
            memcpy(out, "seed:", 5);
            memcpy(out + 5, p + 5, tl - 5);
            o = tl;
            out[o] = '\0';
            break;
        }
        if (keep) {
            if (o)
                out[o++] = ',';
            memcpy(out + o, p, tl);
            o += tl;
            out[o] = '\0';
        }
        p += tl;
        if (*p == ',')
            p++;
    }
    if (!o)
        snprintf(out, n + 16, "unknown");
    return out;
}

void ms_tri_inputs_free(ms_tri_input *in, int n)
{
    if (!in)
        return;
    for (int i = 0; i < n; i++) {
        free(in[i].path);
        free(in[i].rel);
        free(in[i].desc);
        ms_tri_result_free(&in[i].r);
        ms_tri_verdict_free(&in[i].v);
    }
    free(in);
}

static int cmp_input(const void *a, const void *b)
{
    return strcmp(((const ms_tri_input *)a)->rel, ((const ms_tri_input *)b)->rel);
}

static int add_dir(const char *outdir, const char *inst, const char *sub, int hangs,
                   ms_tri_input **v, int *n, int *cap)
{
    size_t dl = strlen(outdir) + strlen(inst) + strlen(sub) + 3;
    char *dir = malloc(dl);
    if (!dir)
        return -1;
    snprintf(dir, dl, "%s/%s/%s", outdir, inst, sub);
    DIR *d = opendir(dir);
    if (!d) {
        free(dir);
        return 0;
    }
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL && rc == 0) {
        if (strncmp(e->d_name, "id:", 3) != 0)
            continue;
        size_t pl = dl + strlen(e->d_name) + 2;
        char *path = malloc(pl);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, pl, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (*n == *cap) {
            int nc = *cap ? *cap * 2 : 64;
            ms_tri_input *nv = realloc(*v, (size_t)nc * sizeof **v);
            if (!nv) {
                free(path);
                rc = -1;
                break;
            }
            *v = nv;
            *cap = nc;
        }
        ms_tri_input *in = &(*v)[*n];
        memset(in, 0, sizeof *in);
        in->path = path;
        in->rel = strdup(path + strlen(outdir) + 1);
        in->desc = ms_tri_afl_desc(e->d_name);
        in->from_hangs = hangs;
        in->size = (size_t)st.st_size;
        (*n)++;
        if (!in->rel || !in->desc)
            rc = -1;
    }
    closedir(d);
    free(dir);
    return rc;
}

int ms_tri_inputs_collect(const char *outdir, ms_tri_input **out, int *n, char *err, size_t errlen)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(outdir);
    if (!d) {
        snprintf(err, errlen, "cannot read %s", outdir);
        return -1;
    }
    ms_tri_input *v = NULL;
    int cap = 0, rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && rc == 0) {
        if (e->d_name[0] == '.' || !strncmp(e->d_name, "triage", 6) ||
            !strcmp(e->d_name, "report") || !strcmp(e->d_name, "logs") ||
            !strcmp(e->d_name, "tmp"))
            continue;
        rc = add_dir(outdir, e->d_name, "crashes", 0, &v, n, &cap);
        if (rc == 0)
            rc = add_dir(outdir, e->d_name, "hangs", 1, &v, n, &cap);
    }
    closedir(d);
    if (rc != 0) {
        snprintf(err, errlen, "out of memory listing %s", outdir);
        ms_tri_inputs_free(v, *n);
        *n = 0;
        return -1;
    }
    if (*n > 1)
        qsort(v, (size_t)*n, sizeof *v, cmp_input);
    *out = v;
    return 0;
}
