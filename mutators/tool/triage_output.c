/*
 * triage_output.c - write the bucket folders, the false-positive list and
 * the summaries of `mutsmith triage` (see triage_output.h).
 */
#include "triage_output.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct desc_count {
    const char *desc;
    int n;
} desc_count;

static int cmp_desc_count(const void *a, const void *b)
{
    const desc_count *x = a, *y = b;
    if (x->n != y->n)
        return y->n - x->n;
    return strcmp(x->desc, y->desc);
}

/* the distinct <desc> values of a bucket with their counts, most first */
static desc_count *count_descs(const ms_tri_bucket *b, int *nd)
{
    desc_count *d = calloc((size_t)b->n + 1, sizeof *d);
    *nd = 0;
    if (!d)
        return NULL;
    for (int i = 0; i < b->n; i++) {
        int j = 0;
        while (j < *nd && strcmp(d[j].desc, b->in[i]->desc))
            j++;
        if (j == *nd) {
            d[j].desc = b->in[i]->desc;
            (*nd)++;
        }
        d[j].n++;
    }
    qsort(d, (size_t)*nd, sizeof *d, cmp_desc_count);
    return d;
}

/* one line, no tabs: for TSV fields */
static void put_field(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 ? ' ' : *s, f);
}

static void put_mutators(FILE *f, const ms_tri_bucket *b)
{
    int nd;
    desc_count *d = count_descs(b, &nd);
    if (!d)
        ms_die("out of memory");
    for (int i = 0; i < nd; i++) {
        if (i)
            fputs(", ", f);
        put_field(f, d[i].desc);
        fprintf(f, "=%d", d[i].n);
    }
    free(d);
}

static int open_in(FILE **f, const char *dir, const char *name, char *err, size_t errlen)
{
    size_t l = strlen(dir) + strlen(name) + 2;
    char *p = malloc(l);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(p, l, "%s/%s", dir, name);
    *f = fopen(p, "w");
    if (!*f)
        snprintf(err, errlen, "cannot create %s: %s", p, strerror(errno));
    else if (!strcmp(name + strlen(name) - 3, ".sh"))
        chmod(p, 0755);
    free(p);
    return *f ? 0 : -1;
}

static int close_checked(FILE *f, const char *dir, const char *name, char *err, size_t errlen)
{
    int ok = ferror(f) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        snprintf(err, errlen, "cannot write %s/%s: %s", dir, name, strerror(errno));
    return ok ? 0 : -1;
}

static int write_blob(const char *dir, const char *name, const char *buf, size_t len, char *err,
                      size_t errlen)
{
    FILE *f;
    if (open_in(&f, dir, name, err, errlen) != 0)
        return -1;
    fwrite(buf, 1, len, f);
    return close_checked(f, dir, name, err, errlen);
}

int ms_tri_write_bucket(const char *dir, const ms_tri_bucket *b, const ms_tri_campaign *c,
                        char *err, size_t errlen)
{
    size_t l = strlen(dir) + strlen(b->name) + 2;
    char *bd = malloc(l);
    if (!bd) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(bd, l, "%s/%s", dir, b->name);
    int rc = -1;
    FILE *f;
    if (mkdir(bd, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", bd, strerror(errno));
        goto done;
    }
    if (write_blob(bd, "original.c", b->original, b->original_len, err, errlen) != 0)
        goto done;
    if (write_blob(bd, "reduced.c", b->reduced ? b->reduced : b->original,
                   b->reduced ? b->reduced_len : b->original_len, err, errlen) != 0)
        goto done;
    const char *se = b->smallest->r.err ? b->smallest->r.err : "";
    if (write_blob(bd, "stderr.txt", se, strlen(se), err, errlen) != 0)
        goto done;

    if (open_in(&f, bd, "signature.txt", err, errlen) != 0)
        goto done;
    fprintf(f, "%s\n", b->signature);
    if (close_checked(f, bd, "signature.txt", err, errlen) != 0)
        goto done;

    if (open_in(&f, bd, "command.sh", err, errlen) != 0)
        goto done;
    ms_tri_campaign_write_script(f, c, "reduced.c");
    if (close_checked(f, bd, "command.sh", err, errlen) != 0)
        goto done;

    if (open_in(&f, bd, "mutators.txt", err, errlen) != 0)
        goto done;
    fprintf(f, "# how many of the %d input(s) in this bucket each mutator (the <desc>\n"
               "# of the AFL++ file name) produced\n", b->n);
    int nd;
    desc_count *d = count_descs(b, &nd);
    if (!d) {
        fclose(f);
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (int i = 0; i < nd; i++)
        fprintf(f, "%d\t%s\n", d[i].n, d[i].desc);
    free(d);
    if (close_checked(f, bd, "mutators.txt", err, errlen) != 0)
        goto done;

    if (open_in(&f, bd, "files.txt", err, errlen) != 0)
        goto done;
    fprintf(f, "# the inputs in this bucket: bytes, path relative to the campaign directory\n");
    if (b->note[0])
        fprintf(f, "# reduction: %s\n", b->note);
    for (int i = 0; i < b->n; i++)
        fprintf(f, "%zu\t%s\n", b->in[i]->size, b->in[i]->rel);
    if (close_checked(f, bd, "files.txt", err, errlen) != 0)
        goto done;
    rc = 0;
done:
    free(bd);
    return rc;
}

int ms_tri_write_false_positives(const char *dir, const ms_tri_input *in, int n, char *err,
                                 size_t errlen)
{
    FILE *f;
    if (open_in(&f, dir, "false_positives.txt", err, errlen) != 0)
        return -1;
    fputs("# inputs discarded by triage: path relative to the campaign directory <TAB> "
          "reason\n",
          f);
    for (int i = 0; i < n; i++)
        if (in[i].done && in[i].v.cls == MS_TRI_FALSE)
            fprintf(f, "%s\t%s\n", in[i].rel, in[i].v.reason);
    return close_checked(f, dir, "false_positives.txt", err, errlen);
}

/* "does not reproduce (exit 0, ...)" -> "does not reproduce" */
static size_t reason_class_len(const char *r)
{
    size_t n = strcspn(r, "(:");
    while (n && r[n - 1] == ' ')
        n--;
    return n;
}

static void put_md_code(FILE *f, const char *s)
{
    fputs("`` ", f);
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else
            fputc((unsigned char)*s < 0x20 ? ' ' : *s, f);
    }
    fputs(" ``", f);
}

static void put_bytes(FILE *f, const ms_tri_bucket *b)
{
    if (b->reduced)
        fprintf(f, "%zu -> %zu", b->original_len, b->reduced_len);
    else
        fprintf(f, "%zu", b->original_len);
}

typedef struct totals {
    int ncrash, nhang, nfalse, bcrash, bhang;
} totals;

static totals count(const ms_tri_bucket *b, int nb, const ms_tri_input *in, int n)
{
    totals t = {0, 0, 0, 0, 0};
    for (int i = 0; i < n; i++) {
        t.ncrash += !in[i].from_hangs;
        t.nhang += in[i].from_hangs;
        t.nfalse += in[i].done && in[i].v.cls == MS_TRI_FALSE;
    }
    for (int i = 0; i < nb; i++) {
        t.bhang += !strcmp(b[i].kind, "hang");
        t.bcrash += !!strcmp(b[i].kind, "hang");
    }
    return t;
}

int ms_tri_write_summary(const char *dir, const char *outdir, const ms_tri_bucket *b, int nb,
                         const ms_tri_input *in, int n, char *err, size_t errlen)
{
    totals t = count(b, nb, in, n);

    FILE *f;
    if (open_in(&f, dir, "summary.tsv", err, errlen) != 0)
        return -1;
    fputs("bucket\tkind\tcount\toriginal_bytes\treduced_bytes\tmutators\tsignature\n", f);
    for (int i = 0; i < nb; i++) {
        fprintf(f, "%s\t%s\t%d\t%zu\t%zu\t", b[i].name, b[i].kind, b[i].n, b[i].original_len,
                b[i].reduced ? b[i].reduced_len : b[i].original_len);
        put_mutators(f, &b[i]);
        fputc('\t', f);
        put_field(f, b[i].signature);
        fputc('\n', f);
    }
    if (close_checked(f, dir, "summary.tsv", err, errlen) != 0)
        return -1;

    if (open_in(&f, dir, "summary.md", err, errlen) != 0)
        return -1;
    fprintf(f, "# Triage of `%s`\n\n", outdir);
    fprintf(f,
            "%d saved input(s) re-run (%d crash(es), %d hang(s)): %d crash bucket(s), %d hang "
            "bucket(s), %d false positive(s).\n\n",
            n, t.ncrash, t.nhang, t.bcrash, t.bhang, t.nfalse);
    if (nb > 0) {
        fputs("| bucket | kind | count | bytes (smallest -> reduced) | mutators | signature |\n"
              "|---|---|---:|---|---|---|\n",
              f);
        for (int i = 0; i < nb; i++) {
            fprintf(f, "| `%s` | %s | %d | ", b[i].name, b[i].kind, b[i].n);
            put_bytes(f, &b[i]);
            fputs(" | ", f);
            put_mutators(f, &b[i]);
            fputs(" | ", f);
            put_md_code(f, b[i].signature);
            fputs(" |\n", f);
        }
        fputc('\n', f);
    }
    if (t.nfalse > 0) {
        fputs("## False positives (details in `false_positives.txt`)\n\n"
              "| reason | count |\n|---|---:|\n",
              f);
        for (int i = 0; i < n; i++) {
            if (!in[i].done || in[i].v.cls != MS_TRI_FALSE)
                continue;
            size_t rl = reason_class_len(in[i].v.reason);
            int seen = 0, k = 0;
            for (int j = 0; j < n && !seen; j++) {
                if (!in[j].done || in[j].v.cls != MS_TRI_FALSE)
                    continue;
                int same = reason_class_len(in[j].v.reason) == rl &&
                           !strncmp(in[j].v.reason, in[i].v.reason, rl);
                if (same && j < i)
                    seen = 1;
            }
            if (seen)
                continue;
            for (int j = i; j < n; j++)
                k += in[j].done && in[j].v.cls == MS_TRI_FALSE &&
                     reason_class_len(in[j].v.reason) == rl &&
                     !strncmp(in[j].v.reason, in[i].v.reason, rl);
            fprintf(f, "| %.*s | %d |\n", (int)rl, in[i].v.reason, k);
        }
        fputc('\n', f);
    }
    return close_checked(f, dir, "summary.md", err, errlen);
}

void ms_tri_print_table(FILE *table, const ms_tri_bucket *b, int nb, const ms_tri_input *in, int n)
{
    totals t = count(b, nb, in, n);
    int wname = 6, wkind = 4;
    for (int i = 0; i < nb; i++) {
        int l = (int)strlen(b[i].name);
        wname = l > wname ? l : wname;
        l = (int)strlen(b[i].kind);
        wkind = l > wkind ? l : wkind;
    }
    if (nb > 0) {
        fprintf(table, "%-*s  %-*s  %5s  %-17s  %s\n", wname, "bucket", wkind, "kind", "count",
                "bytes", "signature");
        for (int i = 0; i < nb; i++) {
            char bytes[48];
            if (b[i].reduced)
                snprintf(bytes, sizeof bytes, "%zu -> %zu", b[i].original_len, b[i].reduced_len);
            else
                snprintf(bytes, sizeof bytes, "%zu", b[i].original_len);
            fprintf(table, "%-*s  %-*s  %5d  %-17s  %s\n", wname, b[i].name, wkind, b[i].kind,
                    b[i].n, bytes, b[i].signature);
        }
    }
    fprintf(table, "%d input(s): %d crash bucket(s), %d hang bucket(s), %d false positive(s)\n",
            n, t.bcrash, t.bhang, t.nfalse);
}
