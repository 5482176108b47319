/*
 * cmd_report.c - `mutsmith report OUT`: a Markdown and an HTML report of a
 * campaign (docs/CAMPAIGN.md): summary from campaign.cmd and fuzzer_stats,
 * per-instance figures, gnuplot plots over time, the per-mutator yield from
 * the queue/crash/hang file names, and the triage buckets when triage has
 * run. Everything goes to OUT/report/. Exit: 0 written, 1 usage or I/O error.
 */
#include "commands.h"
#include "report_campaign.h"
#include "report_doc.h"
#include "report_plot.h"
#include "report_triage.h"
#include "report_util.h"
#include "report_yield.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith report [options] OUT\n"
            "\n"
            "Write a report of the campaign in OUT (the --out of `mutsmith fuzz`) to\n"
            "OUT/report/report.md and OUT/report/report.html: campaign summary, each\n"
            "instance's figures, plots over time of coverage (corpus size when the\n"
            "campaign is unguided), execs/s and saved crashes, the queue entries, crashes\n"
            "and hangs each mutator produced, and the triage buckets when `mutsmith\n"
            "triage OUT` has run. Plots need gnuplot; its script (plot.gp) and data\n"
            "(data/*.dat) are written to OUT/report/ too, to redraw them by hand.\n"
            "The campaign may still be running.\n"
            "  -q, --quiet         print nothing but errors\n"
            "  -h, --help          this text\n"
            "Exit: 0 report written, 1 usage or I/O error.\n");
}

/* ------------------------------------------------------------ numbers */

typedef struct agg {
    double sum, max;
    int n; /* instances that have the key */
} agg;

static agg aggregate(const rp_campaign *c, const char *key)
{
    agg a = {0, 0, 0};
    for (int i = 0; i < c->ninst; i++) {
        double v;
        if (rp_stat_num(&c->inst[i], key, &v) == 0) {
            a.sum += v;
            if (a.n == 0 || v > a.max)
                a.max = v;
            a.n++;
        }
    }
    return a;
}

static unsigned long long to_u64(double v)
{
    return v > 0 && v < 1.8e19 ? (unsigned long long)(v + 0.5) : 0;
}

/* "1,234" or "?" */
static char *num_or_q(const rp_instance *in, const char *key)
{
    double v;
    if (rp_stat_num(in, key, &v) != 0)
        return rp_xstrdup("?");
    return rp_count(to_u64(v));
}

/* " (2 of 3 instances report it)" or "" */
static char *partial(const rp_campaign *c, const agg *a)
{
    if (a->n == c->ninst)
        return rp_xstrdup("");
    return rp_fmt(" (%d of %d instances report it)", a->n, c->ninst);
}

static char *pct(unsigned long long n, unsigned long long total)
{
    if (total == 0)
        return rp_xstrdup("-");
    return rp_fmt("%.1f%%", 100.0 * (double)n / (double)total);
}

/* ------------------------------------------------------------ helpers */

static void text_cell(rd_block *t, char *owned)
{
    rd_text(t, "%s", owned);
    free(owned);
}

static void kv_row(rd_block *t, const char *item, char *owned_value)
{
    rd_text(t, "%s", item);
    text_cell(t, owned_value);
}

/* shell-quote one word for the reproduction command line */
static void shell_word(FILE *f, const char *s)
{
    int plain = *s != '\0';
    for (const char *p = s; *p && plain; p++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                       "@%+=:,./_-",
                       *p) != NULL;
    if (plain) {
        fputs(s, f);
        return;
    }
    fputc('\'', f);
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            fputs("'\\''", f);
        else
            fputc(*p, f);
    }
    fputc('\'', f);
}

static char *command_line(const rp_campaign *c)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        ms_die("out of memory");
    for (int i = 0; i < c->env.n; i++) {
        shell_word(f, c->env.v[i]);
        fputc(' ', f);
    }
    shell_word(f, c->target ? c->target : "?");
    for (int i = 0; i < c->args.n; i++) {
        fputs(" ", f);
        shell_word(f, c->args.v[i]);
    }
    fclose(f);
    return buf;
}

/* guided from campaign.cmd, else guessed from afl-fuzz's command line */
static int campaign_guided(const rp_campaign *c, int *guessed)
{
    *guessed = 0;
    if (c->guided >= 0)
        return c->guided;
    *guessed = 1;
    for (int i = 0; i < c->ninst; i++) {
        const char *cl = rp_stat(&c->inst[i], "command_line");
        if (cl && (strstr(cl, " -n ") || (strlen(cl) >= 3 && !strcmp(cl + strlen(cl) - 3, " -n"))))
            return 0;
    }
    agg e = aggregate(c, "edges_found");
    return e.n > 0 && e.max > 0 ? 1 : -1;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ------------------------------------------------------------ sections */

static void section_summary(rd_doc *d, const rp_campaign *c, int guided, int guessed,
                            const rp_triage *tr)
{
    rd_heading(d, 1, "Summary");
    static const char *const h[] = {"item", "value"};
    rd_block *t = rd_table(d, 2, h, "ll");

    rd_text(t, "campaign");
    rd_code(t, c->out);
    rd_text(t, "target");
    if (c->target)
        rd_code(t, c->target);
    else
        rd_text(t, "? (no campaign.cmd)");
    if (c->kind) {
        rd_text(t, "kind");
        rd_text(t, "%s", c->kind);
    }
    rd_text(t, "flags");
    if (c->flags && *c->flags)
        rd_code(t, c->flags);
    else
        rd_text(t, "%s", c->have_cmd ? "(none)" : "?");
    rd_text(t, "mode");
    if (guided == 1)
        text_cell(t, c->map_size > 0
                         ? rp_fmt("coverage-guided (instrumented target, map size %lld)%s",
                                  c->map_size, guessed ? ", guessed" : "")
                         : rp_fmt("coverage-guided (instrumented target)%s",
                                  guessed ? ", guessed" : ""));
    else if (guided == 0)
        text_cell(t, rp_fmt("unguided (afl-fuzz -n, no coverage feedback)%s",
                            guessed ? ", guessed from afl-fuzz's command line" : ""));
    else
        rd_text(t, "unknown (no campaign.cmd)");

    {
        char *buf;
        size_t len;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            ms_die("out of memory");
        fprintf(f, "%d:", c->ninst);
        for (int i = 0; i < c->ninst; i++)
            fprintf(f, "%s %s", i ? "," : "", c->inst[i].name);
        if (c->instances >= 0 && c->instances != c->ninst)
            fprintf(f, " (campaign.cmd: %lld)", c->instances);
        fclose(f);
        kv_row(t, "instances", buf);
    }

    /* start, last update, run time */
    double start = 0, last = 0;
    for (int i = 0; i < c->ninst; i++) {
        double v;
        if (rp_stat_num(&c->inst[i], "start_time", &v) == 0 && v > 0 && (start == 0 || v < start))
            start = v;
        if (rp_stat_num(&c->inst[i], "last_update", &v) == 0 && v > last)
            last = v;
    }
    kv_row(t, "started", rp_date(to_u64(start)));
    kv_row(t, "last update", rp_date(to_u64(last)));
    agg rt = aggregate(c, "run_time");
    if (rt.n) {
        char *dur = rp_duration(to_u64(rt.max));
        kv_row(t, "run time", rp_fmt("%s%s", dur, c->ninst > 1 ? " (longest instance)" : ""));
        free(dur);
    } else {
        kv_row(t, "run time", rp_xstrdup("?"));
    }

    agg ex = aggregate(c, "execs_done");
    char *p = partial(c, &ex), *n = rp_count(to_u64(ex.sum));
    kv_row(t, "total execs", ex.n ? rp_fmt("%s%s", n, p) : rp_xstrdup("?"));
    free(n);
    free(p);

    agg eps = aggregate(c, "execs_per_sec");
    p = partial(c, &eps);
    kv_row(t, "execs/s",
           eps.n ? rp_fmt("%.1f (%s, average since start)%s", eps.sum,
                          c->ninst > 1 ? "all instances together" : "one instance", p)
                 : rp_xstrdup("?"));
    free(p);

    agg cc = aggregate(c, "corpus_count");
    n = rp_count(to_u64(cc.max));
    kv_row(t, "corpus",
           cc.n ? rp_fmt("%s entries%s", n,
                         c->ninst > 1 ? " (largest instance; instances share their finds)" : "")
                : rp_xstrdup("?"));
    free(n);

    if (guided == 0) {
        kv_row(t, "edges", rp_xstrdup("not available (unguided campaign)"));
    } else {
        agg ed = aggregate(c, "edges_found"), te = aggregate(c, "total_edges");
        if (ed.n) {
            char *e = rp_count(to_u64(ed.max));
            char *tot = NULL;
            if (te.n && te.max > 0) {
                char *all = rp_count(to_u64(te.max));
                tot = rp_fmt(" of %s (%.2f%%)", all, 100.0 * ed.max / te.max);
                free(all);
            } else {
                tot = rp_xstrdup("");
            }
            kv_row(t, "edges", rp_fmt("%s%s%s", e, tot, c->ninst > 1 ? ", best instance" : ""));
            free(e);
            free(tot);
        } else {
            kv_row(t, "edges", rp_xstrdup("?"));
        }
    }

    agg cr = aggregate(c, "saved_crashes"), hg = aggregate(c, "saved_hangs");
    n = rp_count(to_u64(cr.sum));
    p = tr->present ? rp_fmt("; %d bucket(s) after triage", tr->nrows) : rp_xstrdup("");
    kv_row(t, "crashes", cr.n ? rp_fmt("%s saved%s", n, p) : rp_xstrdup("?"));
    free(n);
    free(p);
    n = rp_count(to_u64(hg.sum));
    kv_row(t, "hangs", hg.n ? rp_fmt("%s saved", n) : rp_xstrdup("?"));
    free(n);

    if (c->timeout_ms >= 0) {
        kv_row(t, "timeout", rp_fmt("%lld ms", c->timeout_ms));
    } else {
        const char *v = c->ninst ? rp_stat(&c->inst[0], "exec_timeout") : NULL;
        if (v)
            kv_row(t, "timeout", rp_fmt("%s ms", v));
    }

    /* distinct AFL++ versions */
    rp_strlist vers = {0};
    for (int i = 0; i < c->ninst; i++) {
        const char *v = rp_stat(&c->inst[i], "afl_version");
        int seen = 0;
        for (int k = 0; v && k < vers.n; k++)
            seen |= !strcmp(vers.v[k], v);
        if (v && !seen)
            rp_list_add(&vers, v);
    }
    {
        char *buf;
        size_t len;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            ms_die("out of memory");
        for (int k = 0; k < vers.n; k++)
            fprintf(f, "%s%s", k ? ", " : "", vers.v[k]);
        if (vers.n == 0)
            fputs("?", f);
        fclose(f);
        kv_row(t, "AFL++ version", buf);
    }
    rp_list_free(&vers);

    if (c->target) {
        rd_text(rd_para(d), "The target as afl-fuzz runs it (@@ is the input file):");
        char *cl = command_line(c);
        rd_pre(d, cl);
        free(cl);
    }
}

static void section_instances(rd_doc *d, const rp_campaign *c, int guided)
{
    rd_heading(d, 1, "Instances");
    static const char *const hg[] = {"instance", "run time", "execs", "execs/s", "corpus",
                                     "edges", "crashes", "hangs", "stability", "last update"};
    static const char *const hu[] = {"instance", "run time", "execs", "execs/s", "corpus",
                                     "crashes", "hangs", "last update"};
    int g = guided != 0;
    rd_block *t = g ? rd_table(d, 10, hg, "lrrrrrrrrl") : rd_table(d, 8, hu, "lrrrrrrl");
    for (int i = 0; i < c->ninst; i++) {
        const rp_instance *in = &c->inst[i];
        double v;
        rd_code(t, in->name);
        text_cell(t, rp_stat_num(in, "run_time", &v) == 0 ? rp_duration(to_u64(v))
                                                         : rp_xstrdup("?"));
        text_cell(t, num_or_q(in, "execs_done"));
        text_cell(t, rp_stat_num(in, "execs_per_sec", &v) == 0 ? rp_fmt("%.1f", v)
                                                              : rp_xstrdup("?"));
        text_cell(t, num_or_q(in, "corpus_count"));
        if (g)
            text_cell(t, num_or_q(in, "edges_found"));
        text_cell(t, num_or_q(in, "saved_crashes"));
        text_cell(t, num_or_q(in, "saved_hangs"));
        if (g) {
            const char *s = rp_stat(in, "stability");
            rd_text(t, "%s", s ? s : "?");
        }
        text_cell(t, rp_stat_num(in, "last_update", &v) == 0 ? rp_date(to_u64(v))
                                                            : rp_xstrdup("?"));
    }
}

static void section_plots(rd_doc *d, const rp_plot *pl, int guided, int use_edges,
                          const char *reportdir)
{
    rd_heading(d, 1, "Over time");
    if (!use_edges) {
        rd_block *b = rd_para(d);
        if (guided == 0)
            rd_text(b, "Coverage is not available: the campaign is unguided (afl-fuzz -n), so "
                       "the first plot shows the corpus size (corpus_count) instead.");
        else
            rd_text(b, "Coverage is not available: plot_data has no edges_found column, so "
                       "the first plot shows the corpus size (corpus_count) instead.");
    }
    if (!pl->have_data) {
        rd_text(rd_para(d), "No instance has plot_data rows yet, so there are no plots.");
        return;
    }
    if (!pl->gnuplot_found) {
        rd_block *b = rd_para(d);
        rd_text(b, "gnuplot is not installed, so this report has no images. Install it "
                   "(Debian: ");
        rd_code(b, "apt-get install gnuplot-nox");
        rd_text(b, "), then run this command again or run ");
        rd_code(b, "gnuplot plot.gp");
        text_cell(b, rp_fmt(" in %s.", reportdir));
    } else if (pl->gnuplot_status != 0) {
        rd_block *b = rd_para(d);
        if (pl->gnuplot_status < 0)
            rd_text(b, "gnuplot did not finish (killed or timed out); see ");
        else
            rd_text(b, "gnuplot failed (exit status %d); see ", pl->gnuplot_status);
        rd_link(b, "gnuplot.log", "gnuplot.log");
        rd_text(b, ".");
    }
    for (int g = 0; g < RPL_N; g++) {
        if (pl->made[g]) {
            char *alt = rp_fmt("%s, per instance (time in %s)", pl->title[g], pl->time_unit);
            rd_image(d, pl->file[g], alt);
            free(alt);
        } else if (!pl->planned[g]) {
            rd_text(rd_para(d), "%s: no instance has this column in plot_data.", pl->title[g]);
        }
    }
    rd_block *b = rd_para(d);
    rd_text(b, "The plots are drawn by ");
    rd_link(b, "plot.gp", "plot.gp");
    rd_text(b, " from data/NAME.dat (one file per instance, read from NAME/plot_data); run ");
    rd_code(b, "gnuplot plot.gp");
    rd_text(b, " in the report directory to redraw them.");
}

static void section_yield(rd_doc *d, const rp_yield *y, int guided)
{
    rd_heading(d, 1, "Yield per mutator");
    unsigned long long all = y->files[RY_QUEUE] + y->files[RY_CRASHES] + y->files[RY_HANGS];
    if (all == 0) {
        rd_text(rd_para(d), "No queue, crash or hang files found.");
        return;
    }
    rd_block *b = rd_para(d);
    rd_text(b, "Files in NAME/queue, NAME/crashes and NAME/hangs of all instances, by what "
               "made them (read from the AFL++ file names). A stacked mutant (");
    rd_code(b, "a+b");
    rd_text(b, ") counts for each of its mutators, so a column's shares can add up to more "
               "than 100%%. ");
    rd_code(b, "afl:STAGE");
    rd_text(b, " are AFL++'s own stages (havoc, splice, ...), ");
    rd_code(b, "seed");
    rd_text(b, " the initial corpus, ");
    rd_code(b, "sync");
    rd_text(b, " entries an instance imported from another one.");
    if (guided != 0) {
        rd_text(b, " +cov: queue entries that found new edges.");
    }
    static const char *const hg[] = {"source", "queue", "share", "+cov", "crashes", "share",
                                     "hangs", "share"};
    static const char *const hu[] = {"source", "queue", "share", "crashes", "share", "hangs",
                                     "share"};
    int g = guided != 0;
    rd_block *t = g ? rd_table(d, 8, hg, "lrrrrrrr") : rd_table(d, 7, hu, "lrrrrrr");
    for (int i = 0; i < y->n; i++) {
        const rp_source *s = &y->src[i];
        if (s->n[RY_QUEUE] + s->n[RY_CRASHES] + s->n[RY_HANGS] == 0)
            continue;
        rd_code(t, s->name);
        for (int k = 0; k < RY_NKIND; k++) {
            text_cell(t, rp_count(s->n[k]));
            text_cell(t, pct(s->n[k], y->files[k]));
            if (k == RY_QUEUE && g)
                text_cell(t, rp_count(s->cov));
        }
    }
    rd_text(t, "all files");
    for (int k = 0; k < RY_NKIND; k++) {
        text_cell(t, rp_count(y->files[k]));
        rd_text(t, "%s", y->files[k] ? "100%" : "-");
        if (k == RY_QUEUE && g)
            text_cell(t, rp_count(y->cov));
    }
}

static void section_triage(rd_doc *d, const rp_triage *tr, const char *out)
{
    rd_heading(d, 1, "Triage");
    if (!tr->present) {
        rd_block *b = rd_para(d);
        rd_text(b, tr->dir_present ? "Triage has not finished (triage/summary.tsv is missing). "
                                   : "Triage has not been run. ");
        rd_text(b, "Run ");
        char *cmd = rp_fmt("mutsmith triage %s", out);
        rd_code(b, cmd);
        free(cmd);
        rd_text(b, " to re-run, bucket and reduce the crashes, then this report again.");
        return;
    }
    rd_block *b = rd_para(d);
    rd_text(b, "%d bucket(s) holding %llu crash(es), from ", tr->nrows, tr->crashes);
    rd_link(b, "../triage/summary.tsv", "triage/summary.tsv");
    rd_text(b, ".");
    if (tr->nrows == 0)
        return;
    static const char *const h[] = {"bucket",        "kind",     "count",    "original bytes",
                                    "reduced bytes", "mutators", "signature"};
    rd_block *t = rd_table(d, RT_NCOL, h, "llrrrll");
    for (int i = 0; i < tr->nrows; i++) {
        char *const *row = tr->rows[i];
        const char *bucket = row[RT_BUCKET];
        char *rel = rp_fmt("triage/%s", bucket);
        char *abs = rp_path(out, rel);
        if (*bucket && !strchr(bucket, '/') && strcmp(bucket, "..") && is_dir(abs)) {
            char *href = rp_fmt("../%s/", rel);
            rd_link(t, href, bucket);
            free(href);
        } else {
            rd_code(t, bucket);
        }
        free(rel);
        free(abs);
        for (int c = RT_KIND; c < RT_NCOL; c++) {
            if ((c == RT_MUTATORS || c == RT_SIGNATURE) && *row[c])
                rd_code(t, row[c]);
            else
                rd_text(t, "%s", row[c]);
        }
    }
}

/* ------------------------------------------------------------ main */

static int write_doc(const rd_doc *d, const char *path, int html)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        ms_die("out of memory");
    if (html)
        rd_write_html(d, f);
    else
        rd_write_md(d, f);
    fclose(f);
    char err[512];
    int rc = ms_write_file(path, buf, len, err, sizeof err);
    free(buf);
    if (rc)
        ms_warn("report: %s", err);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (argc - optind != 1) {
        usage(stderr);
        return 1;
    }
    const char *out = argv[optind];
    char err[512];
    rp_campaign camp;
    if (rp_campaign_load(&camp, out, err, sizeof err) != 0)
        ms_die("report: %s", err);
    if (camp.ninst == 0)
        ms_die("report: %s has no instance directories (NAME/fuzzer_stats or NAME/plot_data); is it the --out "
               "directory of `mutsmith fuzz`, and has afl-fuzz got past its start?",
               out);
    if (!camp.have_cmd)
        rp_list_take(&camp.notes, rp_fmt("%s/campaign.cmd is missing: target and flags are "
                                         "unknown", out));

    char *reportdir = rp_path(out, "report");
    if (mkdir(reportdir, 0777) != 0 && errno != EEXIST)
        ms_die("report: cannot create %s: %s", reportdir, strerror(errno));

    rp_yield y = {0};
    for (int i = 0; i < camp.ninst; i++)
        rp_yield_scan(&y, camp.inst[i].dir);
    rp_yield_sort(&y);
    rp_triage tr;
    rp_triage_load(&tr, out);

    int guessed;
    int guided = campaign_guided(&camp, &guessed);
    int edges_col = 0;
    for (int i = 0; i < camp.ninst; i++)
        edges_col |= camp.inst[i].has_col[PC_EDGES] && camp.inst[i].nrows > 0;
    int use_edges = guided != 0 && edges_col;

    rp_plot pl;
    if (rp_plot_make(&pl, &camp, reportdir, use_edges, err, sizeof err) != 0)
        ms_die("report: %s", err);
    if (pl.have_data && !pl.gnuplot_found)
        rp_list_add(&camp.notes, "gnuplot is not installed: the report has no images");
    else if (pl.gnuplot_found && pl.have_data && pl.gnuplot_status != 0)
        rp_list_take(&camp.notes, rp_fmt("gnuplot failed; see %s/gnuplot.log", reportdir));

    rd_doc *d = rd_new("mutsmith campaign report");
    {
        time_t now = time(NULL);
        char *date = rp_date(now > 0 ? (unsigned long long)now : 0);
        rd_block *b = rd_para(d);
        rd_text(b, "Campaign ");
        rd_code(b, out);
        rd_text(b, ", report made %s by ", date);
        rd_code(b, "mutsmith report");
        rd_text(b, ".");
        free(date);
    }
    section_summary(d, &camp, guided, guessed, &tr);
    section_instances(d, &camp, guided);
    section_plots(d, &pl, guided, use_edges, reportdir);
    section_yield(d, &y, guided);
    section_triage(d, &tr, out);
    if (camp.notes.n) {
        rd_heading(d, 1, "Notes");
        rd_block *l = rd_list(d);
        for (int i = 0; i < camp.notes.n; i++) {
            rd_item(l);
            rd_text(l, "%s", camp.notes.v[i]);
        }
    }

    char *md = rp_path(reportdir, "report.md"), *html = rp_path(reportdir, "report.html");
    int rc = write_doc(d, md, 0) | write_doc(d, html, 1);
    if (rc == 0 && !quiet) {
        for (int i = 0; i < camp.notes.n; i++)
            ms_warn("report: %s", camp.notes.v[i]);
        printf("%s\n%s\n", md, html);
    }
    free(md);
    free(html);
    rd_free(d);
    rp_yield_free(&y);
    rp_triage_free(&tr);
    rp_campaign_free(&camp);
    free(reportdir);
    return rc ? 1 : 0;
}
