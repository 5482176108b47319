/*
 * report_plot.c - data files, gnuplot script and the gnuplot run for the
 * report's plots (see report_plot.h). The script picks the pngcairo
 * terminal when this gnuplot has it (Debian's gnuplot-nox may not) and the
 * plain png terminal otherwise, so it also works when re-run elsewhere.
 */
#include "report_plot.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GNUPLOT_TIMEOUT_S 120

static int write_memstream(const char *path, char *buf, size_t len, char *err, size_t errlen)
{
    int rc = ms_write_file(path, buf, len, err, errlen);
    free(buf);
    return rc;
}

/* a name safe in a file name and inside a gnuplot "string" */
static char *safe_name(const char *s)
{
    char *o = rp_xstrdup(s);
    for (char *p = o; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            *p = '_';
    if (o[0] == '.')
        o[0] = '_';
    return o;
}

static void put_val(FILE *f, double v)
{
    if (isnan(v))
        fputs(" ?", f);
    else
        fprintf(f, " %.10g", v);
}

static int find_on_path(const char *prog)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return 0;
    char *copy = rp_xstrdup(path), *save = NULL;
    int found = 0;
    for (char *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char *full = rp_path(*dir ? dir : ".", prog);
        struct stat st;
        found = stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0;
        free(full);
    }
    free(copy);
    return found;
}

/* run `gnuplot plot.gp` in dir, output to gnuplot.log; exit status or -1 */
static int run_gnuplot(const char *dir)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (chdir(dir) != 0)
            _exit(126);
        int log = open("gnuplot.log", O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (log >= 0) {
            dup2(log, 1);
            dup2(log, 2);
            close(log);
        }
        int in = open("plot.gp", O_RDONLY);
        if (in >= 0) { /* never read from the caller's terminal */
            dup2(in, 0);
            close(in);
        }
        execlp("gnuplot", "gnuplot", "plot.gp", (char *)NULL);
        _exit(127);
    }
    struct timespec nap = {0, 20 * 1000 * 1000};
    for (int waited_ms = 0;; waited_ms += 20) {
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        if (r < 0 && errno != EINTR)
            return -1;
        if (waited_ms >= GNUPLOT_TIMEOUT_S * 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -1;
        }
        nanosleep(&nap, NULL);
    }
}

/* remove what an earlier report left: images and data files */
static void clean_old(const char *reportdir, const char *datadir, const rp_plot *p)
{
    for (int i = 0; i < RPL_N; i++) {
        char *f = rp_path(reportdir, p->file[i]);
        unlink(f);
        free(f);
    }
    DIR *d = opendir(datadir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && !strcmp(e->d_name + n - 4, ".dat")) {
            char *f = rp_path(datadir, e->d_name);
            unlink(f);
            free(f);
        }
    }
    closedir(d);
}

int rp_plot_make(rp_plot *p, const rp_campaign *c, const char *reportdir, int use_edges,
                 char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    p->gnuplot_status = -1;
    p->file[RPL_COVERAGE] = "coverage.png";
    p->file[RPL_EXECS] = "execs.png";
    p->file[RPL_CRASHES] = "crashes.png";
    p->title[RPL_COVERAGE] = use_edges ? "Coverage: edges found" : "Corpus size (queue entries)";
    p->title[RPL_EXECS] = "Executions per second";
    p->title[RPL_CRASHES] = "Saved crashes";
    static const char *const ylabel_edges = "edges found", *const ylabel_corpus = "queue entries";
    const char *ylabel[RPL_N] = {use_edges ? ylabel_edges : ylabel_corpus, "execs/s",
                                 "saved crashes"};
    const int col[RPL_N] = {use_edges ? PC_EDGES : PC_CORPUS, PC_EPS, PC_CRASHES};
    /* data file columns: 1 time, then PC_EDGES.. in order, so column = PC + 1 */
    const char *style[RPL_N] = {"lines", "lines", "steps"};

    char *datadir = rp_path(reportdir, "data");
    if (mkdir(datadir, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", datadir, strerror(errno));
        free(datadir);
        return -1;
    }
    clean_old(reportdir, datadir, p);

    double tmax = 0;
    char **fname = rp_xmalloc((size_t)(c->ninst ? c->ninst : 1) * sizeof *fname);
    int rc = 0;
    for (int i = 0; i < c->ninst; i++) {
        const rp_instance *in = &c->inst[i];
        fname[i] = NULL;
        if (in->nrows == 0)
            continue;
        p->have_data = 1;
        char *base = safe_name(in->name);
        fname[i] = rp_fmt("data/%s.dat", base);
        for (int k = 0; k < i; k++) /* keep file names distinct */
            if (fname[k] && !strcmp(fname[k], fname[i])) {
                free(fname[i]);
                fname[i] = rp_fmt("data/%s_%d.dat", base, i);
                break;
            }
        free(base);
        char *buf;
        size_t len;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            ms_die("out of memory");
        char *label = safe_name(in->name);
        fprintf(f, "# %s: plot_data of instance %s, as read by mutsmith report ('?' = missing)\n"
                   "# relative_time edges_found corpus_count execs_per_sec saved_crashes "
                   "saved_hangs\n",
                fname[i], label);
        free(label);
        for (size_t r = 0; r < in->nrows; r++) {
            fprintf(f, "%.10g", in->rows[r][PC_TIME]);
            for (int k = 1; k < PC_N; k++)
                put_val(f, in->rows[r][k]);
            fputc('\n', f);
            if (in->rows[r][PC_TIME] > tmax)
                tmax = in->rows[r][PC_TIME];
        }
        fclose(f);
        char *path = rp_path(reportdir, fname[i]);
        if (write_memstream(path, buf, len, err, errlen) != 0)
            rc = -1;
        free(path);
        if (rc)
            goto out;
    }

    double div = 1;
    p->time_unit = "s";
    if (tmax >= 3 * 3600) {
        div = 3600;
        p->time_unit = "h";
    } else if (tmax >= 180) {
        div = 60;
        p->time_unit = "min";
    }

    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        ms_die("out of memory");
    fprintf(f,
            "# plot.gp - written by `mutsmith report`; to redraw the plots, run\n"
            "#   gnuplot plot.gp\n"
            "# in this directory.\n"
            "# data/NAME.dat: one file per instance, from NAME/plot_data; columns\n"
            "#   1 relative_time (s), 2 edges_found, 3 corpus_count, 4 execs_per_sec,\n"
            "#   5 saved_crashes, 6 saved_hangs; '?' marks a missing value\n"
            "if (strstrt(GPVAL_TERMINALS, \" pngcairo \") > 0) {\n"
            "    set terminal pngcairo size 960,480 noenhanced\n"
            "} else {\n"
            "    set terminal png size 960,480 noenhanced\n"
            "}\n"
            "set datafile missing \"?\"\n"
            "set grid\n"
            "set key outside right top\n"
            "set xlabel \"time since the instance started (%s)\"\n"
            "set xrange [0:*]\n",
            p->time_unit);
    for (int g = 0; g < RPL_N; g++) {
        int k = col[g];
        double ymax = NAN;
        int n = 0;
        for (int i = 0; i < c->ninst; i++) {
            const rp_instance *in = &c->inst[i];
            int valid = 0;
            for (size_t r = 0; r < in->nrows; r++)
                if (!isnan(in->rows[r][k])) {
                    valid = 1;
                    if (isnan(ymax) || in->rows[r][k] > ymax)
                        ymax = in->rows[r][k];
                }
            if (!fname[i] || !valid)
                continue;
            if (n == 0) {
                fprintf(f, "\nset output \"%s\"\nset title \"%s\"\nset ylabel \"%s\"\n",
                        p->file[g], p->title[g], ylabel[g]);
                fputs(ymax > 0 ? "set yrange [0:*]\n" : "set yrange [0:1]\n", f);
                /* counts: whole-number ticks while they are few */
                fputs(k == PC_CRASHES && ymax <= 10 ? "set ytics 1\n" : "set ytics autofreq\n",
                      f);
                fputs("plot", f);
            }
            char *title = safe_name(in->name);
            fprintf(f, "%s \\\n    \"%s\" using ($1/%g):%d with %s lw 2 title \"%s\"",
                    n ? "," : "", fname[i], div, k + 1, in->nrows > 1 ? style[g] : "points",
                    title);
            free(title);
            n++;
        }
        if (n) {
            fputc('\n', f);
            p->planned[g] = 1;
        }
    }
    fputs("\nset output\n", f);
    fclose(f);
    char *script = rp_path(reportdir, "plot.gp");
    rc = write_memstream(script, buf, len, err, errlen);
    free(script);
    if (rc)
        goto out;

    int any = 0;
    for (int g = 0; g < RPL_N; g++)
        any |= p->planned[g];
    p->gnuplot_found = find_on_path("gnuplot");
    if (!any || !p->gnuplot_found)
        goto out;
    p->gnuplot_status = run_gnuplot(reportdir);
    for (int g = 0; g < RPL_N; g++) {
        char *img = rp_path(reportdir, p->file[g]);
        struct stat st;
        p->made[g] = p->planned[g] && stat(img, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
        free(img);
    }
    char *log = rp_path(reportdir, "gnuplot.log");
    struct stat st;
    if (p->gnuplot_status == 0 && stat(log, &st) == 0 && st.st_size == 0)
        unlink(log);
    free(log);
out:
    for (int i = 0; i < c->ninst; i++)
        free(fname[i]);
    free(fname);
    free(datadir);
    return rc;
}
