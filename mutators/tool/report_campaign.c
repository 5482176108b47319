/*
 * report_campaign.c - read campaign.cmd, find the instance directories of a
 * campaign and load their fuzzer_stats and plot_data (see report_campaign.h).
 * Files may be missing, half-written or from another AFL++ version: unknown
 * keys and columns are ignored, missing ones stay missing, and a last line
 * without its newline (a write in progress) is dropped.
 */
#include "report_campaign.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <sys/stat.h>

static void note(rp_campaign *c, char *msg)
{
    rp_list_take(&c->notes, msg);
}

static void set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = rp_xstrdup(v);
}

static long long parse_ll(const char *v)
{
    unsigned long long u;
    if (ms_parse_uint(v, &u) || u > (unsigned long long)1 << 62)
        return -1;
    return (long long)u;
}

/* campaign.cmd: "key value" lines, '#' comments (docs/CAMPAIGN.md) */
static void load_cmd(rp_campaign *c)
{
    char *path = rp_path(c->out, "campaign.cmd");
    char *buf, err[256];
    size_t len;
    if (ms_read_file(path, &buf, &len, err, sizeof err) != 0) {
        free(path);
        return;
    }
    free(path);
    c->have_cmd = 1;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (line[0] == '#' || rp_trim(line)[0] == '\0')
            continue;
        char *val = strchr(line, ' ');
        if (val)
            *val++ = '\0';
        else
            val = line + n;
        const char *key = line;
        if (!strcmp(key, "arg")) {
            rp_list_add(&c->args, val); /* verbatim: arguments may have blanks */
            continue;
        }
        val = rp_trim(val);
        if (!strcmp(key, "version"))
            c->version = (int)parse_ll(val);
        else if (!strcmp(key, "kind"))
            set_str(&c->kind, val);
        else if (!strcmp(key, "target"))
            set_str(&c->target, val);
        else if (!strcmp(key, "env"))
            rp_list_add(&c->env, val);
        else if (!strcmp(key, "flags"))
            set_str(&c->flags, val);
        else if (!strcmp(key, "timeout_ms"))
            c->timeout_ms = parse_ll(val);
        else if (!strcmp(key, "map_size"))
            c->map_size = parse_ll(val);
        else if (!strcmp(key, "instances"))
            c->instances = parse_ll(val);
        else if (!strcmp(key, "guided"))
            c->guided = !strcmp(val, "1") ? 1 : !strcmp(val, "0") ? 0 : -1;
    }
    if (c->version > 1)
        note(c, rp_fmt("campaign.cmd has format version %d; this report knows version 1",
                       c->version));
    free(buf);
}

/* fuzzer_stats: "key   : value" lines */
static void load_stats(rp_campaign *c, rp_instance *in)
{
    char *path = rp_path(in->dir, "fuzzer_stats");
    char *buf, err[256];
    size_t len;
    if (ms_read_file(path, &buf, &len, err, sizeof err) != 0) {
        note(c, rp_fmt("%s", err));
        free(path);
        return;
    }
    free(path);
    char *p = buf;
    int cap = 0;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (!nl) {
            if (*rp_trim(p))
                note(c, rp_fmt("%s/fuzzer_stats: last line is incomplete (written while "
                               "read?), ignored", in->name));
            break;
        }
        *nl = '\0';
        char *colon = strchr(p, ':');
        if (colon) {
            *colon = '\0';
            char *key = rp_trim(p), *val = rp_trim(colon + 1);
            if (*key && !strpbrk(key, " \t")) {
                if (in->nkv == cap) {
                    cap = cap ? cap * 2 : 64;
                    in->kv = rp_xrealloc(in->kv, (size_t)cap * sizeof *in->kv);
                }
                in->kv[in->nkv].key = rp_xstrdup(key);
                in->kv[in->nkv].val = rp_xstrdup(val);
                in->nkv++;
            }
        }
        p = nl + 1;
    }
    free(buf);
}

const char *rp_stat(const rp_instance *in, const char *key)
{
    /* the last occurrence wins, like a re-written file would have it */
    for (int i = in->nkv - 1; i >= 0; i--)
        if (!strcmp(in->kv[i].key, key))
            return in->kv[i].val;
    return NULL;
}

int rp_stat_num(const rp_instance *in, const char *key, double *out)
{
    const char *v = rp_stat(in, key);
    return v ? rp_parse_double(v, out) : -1;
}

/* An instance without fuzzer_stats (afl-fuzz -n writes none): take the
 * figures the summary needs from the last plot_data row. */
static void add_kv(rp_instance *in, const char *key, double v)
{
    if (isnan(v))
        return;
    in->kv = rp_xrealloc(in->kv, (size_t)(in->nkv + 1) * sizeof *in->kv);
    in->kv[in->nkv].key = rp_xstrdup(key);
    in->kv[in->nkv].val = rp_fmt("%.2f", v);
    in->nkv++;
}

static void stats_from_plot(rp_instance *in)
{
    if (in->nrows == 0)
        return;
    const double *r = in->rows[in->nrows - 1];
    if (in->has_col[PC_TIME])
        add_kv(in, "run_time", r[PC_TIME] - in->rows[0][PC_TIME] +
                                   (in->rows[0][PC_TIME] < 1e9 ? in->rows[0][PC_TIME] : 0));
    add_kv(in, "execs_done", r[PC_EXECS]);
    add_kv(in, "execs_per_sec", r[PC_EPS]);
    add_kv(in, "corpus_count", r[PC_CORPUS]);
    add_kv(in, "saved_crashes", r[PC_CRASHES]);
    add_kv(in, "saved_hangs", r[PC_HANGS]);
    add_kv(in, "edges_found", r[PC_EDGES]);
}

/* plot_data column names, with the AFL++ 3.x / AFL 2.x spellings */
static int column_of(const char *name)
{
    static const struct {
        const char *name;
        int col;
    } map[] = {
        {"relative_time", PC_TIME},    {"unix_time", PC_TIME},
        {"edges_found", PC_EDGES},     {"corpus_count", PC_CORPUS},
        {"paths_total", PC_CORPUS},    {"execs_per_sec", PC_EPS},
        {"saved_crashes", PC_CRASHES}, {"unique_crashes", PC_CRASHES},
        {"saved_hangs", PC_HANGS},     {"unique_hangs", PC_HANGS},
        {"total_execs", PC_EXECS},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcasecmp(name, map[i].name))
            return map[i].col;
    return -1;
}

/* the header of AFL++ 4.04c, used when the file has none */
static const char default_header[] =
    "relative_time, cycles_done, cur_item, corpus_count, pending_total, pending_favs, "
    "map_size, saved_crashes, saved_hangs, max_depth, execs_per_sec, total_execs, edges_found";

typedef struct colmap {
    int *col; /* field index -> PC_* or -1 */
    int n;
    int unix_time;
} colmap;

static void parse_header(colmap *m, const char *hdr, rp_instance *in)
{
    char *copy = rp_xstrdup(hdr);
    free(m->col);
    m->col = NULL;
    m->n = 0;
    m->unix_time = 0;
    for (int i = 0; i < PC_N; i++)
        in->has_col[i] = 0;
    for (char *f = copy, *comma; f; f = comma ? comma + 1 : NULL) {
        comma = strchr(f, ',');
        if (comma)
            *comma = '\0';
        char *name = rp_trim(f);
        int col = column_of(name);
        if (col >= 0 && in->has_col[col])
            col = -1; /* first spelling wins */
        if (col >= 0)
            in->has_col[col] = 1;
        if (col == PC_TIME && !strcasecmp(name, "unix_time"))
            m->unix_time = 1;
        m->col = rp_xrealloc(m->col, (size_t)(m->n + 1) * sizeof *m->col);
        m->col[m->n++] = col;
    }
    free(copy);
}

static void load_plot(rp_campaign *c, rp_instance *in)
{
    char *path = rp_path(in->dir, "plot_data");
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return;
    in->plot_present = 1;
    colmap m = {0};
    int have_header = 0;
    size_t cap = 0;
    double t0 = NAN;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t n;
    while ((n = getline(&line, &lcap, f)) > 0) {
        if (line[n - 1] != '\n')
            break; /* half-written last line */
        char *s = rp_trim(line);
        if (!*s)
            continue;
        if (*s == '#') {
            parse_header(&m, s + 1, in);
            have_header = 1;
            continue;
        }
        if (!have_header) {
            parse_header(&m, default_header, in);
            have_header = 1;
        }
        double row[PC_N];
        for (int i = 0; i < PC_N; i++)
            row[i] = NAN;
        /* fields by position; an empty field is a missing value */
        char *fld = s;
        for (int fi = 0; fld && fi < m.n; fi++) {
            char *comma = strchr(fld, ',');
            if (comma)
                *comma = '\0';
            double v;
            if (m.col[fi] >= 0 && rp_parse_double(fld, &v) == 0)
                row[m.col[fi]] = v;
            fld = comma ? comma + 1 : NULL;
        }
        if (isnan(row[PC_TIME])) {
            in->plot_bad_lines++;
            continue;
        }
        if (m.unix_time) {
            if (isnan(t0))
                t0 = row[PC_TIME];
            row[PC_TIME] -= t0;
        }
        if (in->nrows == cap) {
            cap = cap ? cap * 2 : 256;
            in->rows = rp_xrealloc(in->rows, cap * sizeof *in->rows);
        }
        memcpy(in->rows[in->nrows++], row, sizeof row);
    }
    free(line);
    free(m.col);
    fclose(f);
    if (in->plot_bad_lines)
        note(c, rp_fmt("%s/plot_data: %d line(s) without a time value were skipped", in->name,
                       in->plot_bad_lines));
    if (!in->has_col[PC_TIME] && in->nrows == 0 && have_header)
        note(c, rp_fmt("%s/plot_data: the header names no relative_time column", in->name));
}

/* main first, then s1, s2, ..., s10 in version order */
static int cmp_inst(const void *a, const void *b)
{
    const rp_instance *x = a, *y = b;
    int xm = !strcmp(x->name, "main"), ym = !strcmp(y->name, "main");
    if (xm != ym)
        return ym - xm;
    return strverscmp(x->name, y->name);
}

int rp_campaign_load(rp_campaign *c, const char *out, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->out = rp_xstrdup(out);
    c->timeout_ms = c->map_size = c->instances = -1;
    c->guided = -1;
    DIR *d = opendir(out);
    if (!d) {
        snprintf(err, errlen, "cannot read campaign directory %s: %s", out, strerror(errno));
        return -1;
    }
    load_cmd(c);
    int cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *dir = rp_path(out, e->d_name);
        /* an instance has fuzzer_stats, or (afl-fuzz -n writes none) plot_data */
        char *stats = rp_path(dir, "fuzzer_stats");
        char *plot = rp_path(dir, "plot_data");
        struct stat st;
        int is_inst = (stat(stats, &st) == 0 && S_ISREG(st.st_mode)) ||
                      (stat(plot, &st) == 0 && S_ISREG(st.st_mode));
        free(plot);
        if (is_inst) {
            if (c->ninst == cap) {
                cap = cap ? cap * 2 : 8;
                c->inst = rp_xrealloc(c->inst, (size_t)cap * sizeof *c->inst);
            }
            rp_instance *in = &c->inst[c->ninst++];
            memset(in, 0, sizeof *in);
            in->name = rp_xstrdup(e->d_name);
            in->dir = dir;
            dir = NULL;
        }
        free(stats);
        free(dir);
    }
    closedir(d);
    if (c->ninst > 1)
        qsort(c->inst, (size_t)c->ninst, sizeof *c->inst, cmp_inst);
    for (int i = 0; i < c->ninst; i++) {
        rp_instance *in = &c->inst[i];
        char *stats = rp_path(in->dir, "fuzzer_stats");
        int has_stats = access(stats, R_OK) == 0;
        free(stats);
        if (has_stats)
            load_stats(c, in);
        load_plot(c, in);
        if (!has_stats)
            stats_from_plot(in); /* afl-fuzz -n writes no fuzzer_stats */
    }
    return 0;
}

void rp_campaign_free(rp_campaign *c)
{
    for (int i = 0; i < c->ninst; i++) {
        rp_instance *in = &c->inst[i];
        for (int k = 0; k < in->nkv; k++) {
            free(in->kv[k].key);
            free(in->kv[k].val);
        }
        free(in->kv);
        free(in->rows);
        free(in->name);
        free(in->dir);
    }
    free(c->inst);
    free(c->out);
    free(c->kind);
    free(c->target);
    free(c->flags);
    rp_list_free(&c->args);
    rp_list_free(&c->env);
    rp_list_free(&c->notes);
    memset(c, 0, sizeof *c);
}
