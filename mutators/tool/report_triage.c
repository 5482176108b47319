/*
 * report_triage.c - load OUT/triage/summary.tsv for the report (see
 * report_triage.h). A file without a recognisable header is read in the
 * documented column order.
 */
#include "report_triage.h"
#include "report_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

const char *const rp_triage_columns[RT_NCOL] = {
    "bucket", "kind", "count", "original_bytes", "reduced_bytes", "mutators", "signature"};

/* split a line at tabs, in place; returns the number of fields */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; p && n < max;) {
        char *tab = strchr(p, '\t');
        if (tab)
            *tab = '\0';
        f[n++] = p;
        p = tab ? tab + 1 : NULL;
    }
    return n;
}

void rp_triage_load(rp_triage *t, const char *out)
{
    memset(t, 0, sizeof *t);
    char *dir = rp_path(out, "triage");
    struct stat st;
    t->dir_present = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
    char *path = rp_path(dir, "summary.tsv");
    free(dir);
    char *buf, err[256];
    size_t len;
    if (ms_read_file(path, &buf, &len, err, sizeof err) != 0) {
        free(path);
        return;
    }
    free(path);
    t->present = 1;
    enum { MAXF = 64 };
    int map[MAXF]; /* field index -> RT_* or -1 */
    int nmap = 0, header = 1, cap = 0;
    for (char *p = buf, *next; p && *p; p = next) {
        char *nl = strchr(p, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        size_t l = strlen(p);
        if (l > 0 && p[l - 1] == '\r')
            p[--l] = '\0';
        char *f[MAXF];
        int nf = l ? split_tabs(p, f, MAXF) : 0;
        if (header) {
            header = 0;
            int known = 0;
            for (int i = 0; i < nf; i++) {
                map[i] = -1;
                for (int c = 0; c < RT_NCOL; c++)
                    if (!strcasecmp(rp_trim(f[i]), rp_triage_columns[c])) {
                        map[i] = c;
                        known++;
                    }
            }
            nmap = nf;
            if (known > 0)
                continue;
            /* no header: the documented order, and this line is data */
            for (int i = 0; i < MAXF; i++)
                map[i] = i < RT_NCOL ? i : -1;
            nmap = MAXF;
        }
        if (nf == 0)
            continue;
        if (t->nrows == cap) {
            cap = cap ? cap * 2 : 16;
            t->rows = rp_xrealloc(t->rows, (size_t)cap * sizeof *t->rows);
        }
        char **row = t->rows[t->nrows++];
        for (int c = 0; c < RT_NCOL; c++)
            row[c] = NULL;
        for (int i = 0; i < nf && i < nmap; i++)
            if (map[i] >= 0 && !row[map[i]])
                row[map[i]] = rp_xstrdup(rp_trim(f[i]));
        for (int c = 0; c < RT_NCOL; c++)
            if (!row[c])
                row[c] = rp_xstrdup("");
        unsigned long long n;
        if (ms_parse_uint(row[RT_COUNT], &n) == 0)
            t->crashes += n;
    }
    free(buf);
}

void rp_triage_free(rp_triage *t)
{
    for (int i = 0; i < t->nrows; i++)
        for (int c = 0; c < RT_NCOL; c++)
            free(t->rows[i][c]);
    free(t->rows);
    memset(t, 0, sizeof *t);
}
