/*
 * report_yield.c - parse AFL++ queue/crash/hang file names and count them
 * per source (see report_yield.h).
 *
 *   id:000007,src:000002,time:811,execs:90,swap_binary_operands,+cov
 *   id:000001,sig:11,src:000004,time:9,execs:40,a+b       (stacked: a and b)
 *   id:000003,src:000001+000002,time:5,execs:9,op:splice,rep:4   (afl:splice)
 *   id:000000,time:0,execs:0,orig:prog.c                          (seed)
 *   id:000012,sync:main,src:000005                                (sync)
 */
#include "report_yield.h"
#include "report_util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* index of the source, added when new (indices stay valid, pointers do not) */
static int get_source(rp_yield *y, const char *name, size_t len)
{
    for (int i = 0; i < y->n; i++)
        if (strlen(y->src[i].name) == len && !memcmp(y->src[i].name, name, len))
            return i;
    if (y->n == y->cap) {
        y->cap = y->cap ? y->cap * 2 : 32;
        y->src = rp_xrealloc(y->src, (size_t)y->cap * sizeof *y->src);
    }
    rp_source *s = &y->src[y->n++];
    memset(s, 0, sizeof *s);
    s->name = rp_xmalloc(len + 1);
    memcpy(s->name, name, len);
    s->name[len] = '\0';
    return y->n - 1;
}

const rp_source *rp_yield_find(const rp_yield *y, const char *name)
{
    for (int i = 0; i < y->n; i++)
        if (!strcmp(y->src[i].name, name))
            return &y->src[i];
    return NULL;
}

static int has_key(const char *tok, size_t len, const char *key)
{
    size_t k = strlen(key);
    return len > k && !memcmp(tok, key, k) && tok[k] == ':';
}

void rp_yield_add_name(rp_yield *y, const char *name, int kind)
{
    if (strncmp(name, "id:", 3) != 0 || kind < 0 || kind >= RY_NKIND)
        return;
    /* credited sources, at most a few; duplicates of a stack counted once */
    enum { MAXC = 64 };
    int credit[MAXC];
    int nc = 0, cov = 0, special = 0;
    const char *p = name;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *tok = p;
        p = end ? end + 1 : p + len;
        if (len == 0)
            continue;
        if (len == 4 && !memcmp(tok, "+cov", 4)) {
            cov = 1;
            continue;
        }
        if (has_key(tok, len, "id") || has_key(tok, len, "sig") || has_key(tok, len, "src") ||
            has_key(tok, len, "time") || has_key(tok, len, "execs") ||
            has_key(tok, len, "pos") || has_key(tok, len, "rep") || has_key(tok, len, "val"))
            continue;
        int s = -1;
        if (has_key(tok, len, "orig")) {
            s = get_source(y, "seed", 4);
            special = 1;
        } else if (has_key(tok, len, "sync")) {
            s = get_source(y, "sync", 4);
            special = 1;
        } else if (has_key(tok, len, "op")) {
            char *nm = rp_fmt("afl:%.*s", (int)(len - 3), tok + 3);
            s = get_source(y, nm, strlen(nm));
            free(nm);
            special = 1;
        } else if (!special) {
            /* the plugin's describe: a mutator name or a+b+c */
            const char *q = tok, *qend = tok + len;
            while (q < qend) {
                const char *plus = memchr(q, '+', (size_t)(qend - q));
                size_t l = plus ? (size_t)(plus - q) : (size_t)(qend - q);
                if (l > 0) {
                    int m = get_source(y, q, l);
                    int dup = 0;
                    for (int i = 0; i < nc; i++)
                        dup |= credit[i] == m;
                    if (!dup && nc < MAXC)
                        credit[nc++] = m;
                }
                q += l + 1;
            }
            continue;
        }
        if (s >= 0) {
            /* a stage or seed marker decides the source alone */
            nc = 0;
            credit[nc++] = s;
        }
    }
    if (nc == 0)
        credit[nc++] = get_source(y, "unknown", 7);
    for (int i = 0; i < nc; i++) {
        y->src[credit[i]].n[kind]++;
        if (cov && kind == RY_QUEUE)
            y->src[credit[i]].cov++;
    }
    y->files[kind]++;
    if (cov && kind == RY_QUEUE)
        y->cov++;
    if (nc > 1)
        y->stacked++;
}

unsigned long long rp_yield_scan(rp_yield *y, const char *instdir)
{
    static const char *const sub[RY_NKIND] = {"queue", "crashes", "hangs"};
    unsigned long long count = 0;
    for (int k = 0; k < RY_NKIND; k++) {
        char *dir = rp_path(instdir, sub[k]);
        DIR *d = opendir(dir);
        if (!d) {
            free(dir);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strncmp(e->d_name, "id:", 3) != 0)
                continue;
            if (e->d_type != DT_REG) {
                if (e->d_type != DT_UNKNOWN && e->d_type != DT_LNK)
                    continue;
                char *path = rp_path(dir, e->d_name);
                struct stat st;
                int reg = stat(path, &st) == 0 && S_ISREG(st.st_mode);
                free(path);
                if (!reg)
                    continue;
            }
            rp_yield_add_name(y, e->d_name, k);
            count++;
        }
        closedir(d);
        free(dir);
    }
    return count;
}

static int cmp_source(const void *a, const void *b)
{
    const rp_source *x = a, *y = b;
    for (int k = 0; k < RY_NKIND; k++)
        if (x->n[k] != y->n[k])
            return x->n[k] < y->n[k] ? 1 : -1;
    return strcmp(x->name, y->name);
}

void rp_yield_sort(rp_yield *y)
{
    if (y->n > 1)
        qsort(y->src, (size_t)y->n, sizeof *y->src, cmp_source);
}

void rp_yield_free(rp_yield *y)
{
    for (int i = 0; i < y->n; i++)
        free(y->src[i].name);
    free(y->src);
    memset(y, 0, sizeof *y);
}
