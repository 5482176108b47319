/*
 * cmd_fuzz.c - `mutsmith fuzz`: an AFL++ campaign on a C compiler with the
 * mutsmith plugin. Resolves the target (fuzz_target.c), decides between a
 * coverage-guided campaign (instrumented target) and afl-fuzz's -n mode,
 * starts one -M and N-1 -S instances, shows a live progress line read from
 * their plot_data / fuzzer_stats, stops every instance cleanly on Ctrl-C
 * (the output directory can be resumed with --resume), and when the time is
 * up runs triage and the report.
 */
#include "commands.h"
#include "fuzz_target.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 64

static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith fuzz [options] [-- CFLAGS for parsing]\n"
            "\n"
            "Run afl-fuzz on a C compiler with mutsmith's mutators as a custom mutator.\n"
            "  --target clang|PATH  the system clang (run as clang -cc1, default), an\n"
            "                       AFL-instrumented clang, or another compiler driver\n"
            "                       such as build/tcc-afl/bin/tcc\n"
            "  --flags \"-O2 ...\"    compiler flags for the target (default -O2)\n"
            "  --jobs N             afl-fuzz instances: one -M, N-1 -S (default 1)\n"
            "  --time T             campaign length: 30s, 10m, 2h (default 10m)\n"
            "  --seeds DIR          initial inputs (default corpus)\n"
            "  --out DIR            output directory (default fuzz-out)\n"
            "  --resume             continue the campaign in --out\n"
            "  --exec-timeout MS    afl-fuzz -t (default 3000 for clang, 1000 otherwise)\n"
            "  --mutsmith-only      no AFL havoc/splice stages (AFL_CUSTOM_MUTATOR_ONLY)\n"
            "  --plugin PATH        the plugin (default: mutsmith-afl.so next to mutsmith)\n"
            "  --no-triage          do not run triage and report at the end\n"
            "  -q, --quiet          no progress line\n"
            "Compiler arguments after -- (-I, -D) are used by the mutators for parsing.\n"
            "Plugin settings (MUTSMITH_MUTATORS, MUTSMITH_WEIGHTS, MUTSMITH_TIMEOUT_MS,\n"
            "...) are passed through from the environment; see afl_plugin/plugin.c.\n");
}

static long parse_time(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v <= 0)
        return -1;
    if (!*end || !strcmp(end, "s"))
        return (long)v;
    if (!strcmp(end, "m"))
        return (long)(v * 60);
    if (!strcmp(end, "h"))
        return (long)(v * 3600);
    return -1;
}

static int mkdir_p(const char *path)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    }
    return mkdir(tmp, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* Read key from a campaign.cmd ("key value" lines). */
static int campaign_get(const char *out, const char *key, char *val, size_t len)
{
    char path[PATH_MAX], line[8192];
    snprintf(path, sizeof path, "%s/campaign.cmd", out);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t kl = strlen(key);
    int found = -1;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, key, kl) && line[kl] == ' ') {
            line[strcspn(line, "\n")] = '\0';
            snprintf(val, len, "%s", line + kl + 1);
            found = 0;
            break;
        }
    }
    fclose(f);
    return found;
}

/* ---- progress from plot_data (fresh every few seconds) ---- */
typedef struct inst_stats {
    double execs_per_sec;
    long corpus, crashes, hangs, edges, execs;
} inst_stats;

static int read_plot_tail(const char *dir, inst_stats *st)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/plot_data", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024], header[1024] = "", last[1024] = "";
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            snprintf(header, sizeof header, "%s", line + 1);
        else if (strchr(line, '\n'))
            snprintf(last, sizeof last, "%s", line);
    }
    fclose(f);
    if (!*header || !*last)
        return -1;
    char *hs, *ls;
    char *h = strtok_r(header, ",\n", &hs), *v = strtok_r(last, ",\n", &ls);
    while (h && v) {
        while (*h == ' ')
            h++;
        double x = strtod(v, NULL);
        if (!strcmp(h, "execs_per_sec"))
            st->execs_per_sec = x;
        else if (!strcmp(h, "corpus_count") || !strcmp(h, "paths_total"))
            st->corpus = (long)x;
        else if (!strcmp(h, "saved_crashes") || !strcmp(h, "unique_crashes"))
            st->crashes = (long)x;
        else if (!strcmp(h, "saved_hangs") || !strcmp(h, "unique_hangs"))
            st->hangs = (long)x;
        else if (!strcmp(h, "edges_found"))
            st->edges = (long)x;
        else if (!strcmp(h, "total_execs"))
            st->execs = (long)x;
        h = strtok_r(NULL, ",\n", &hs);
        v = strtok_r(NULL, ",\n", &ls);
    }
    return 0;
}

static long count_entries(const char *dir, const char *sub)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    DIR *d = opendir(path);
    long n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strncmp(e->d_name, "id:", 3) == 0;
    if (d)
        closedir(d);
    return n;
}

static void fmt_hms(char *buf, size_t len, long s)
{
    snprintf(buf, len, "%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
}

static void print_progress(const char *out, char names[][16], int n, long elapsed, long total,
                           int guided, int tty)
{
    inst_stats sum = {0, 0, 0, 0, 0, 0};
    for (int i = 0; i < n; i++) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s/%s", out, names[i]);
        inst_stats st = {0, 0, 0, 0, 0, 0};
        read_plot_tail(dir, &st); /* execs/s and edges: updated now and then */
        st.corpus = count_entries(dir, "queue"); /* the rest: counted live */
        st.crashes = count_entries(dir, "crashes");
        st.hangs = count_entries(dir, "hangs");
        sum.execs_per_sec += st.execs_per_sec;
        sum.crashes += st.crashes;
        sum.hangs += st.hangs;
        sum.execs += st.execs;
        if (st.corpus > sum.corpus)
            sum.corpus = st.corpus;
        if (st.edges > sum.edges)
            sum.edges = st.edges;
    }
    char el[16], rem[16], edges[32] = "";
    fmt_hms(el, sizeof el, elapsed);
    if (total > elapsed)
        fmt_hms(rem, sizeof rem, total - elapsed);
    else
        snprintf(rem, sizeof rem, "finishing");
    if (guided)
        snprintf(edges, sizeof edges, " | edges %ld", sum.edges);
    fprintf(stderr, "%s[%s, %s%s] %.1f execs/s | %ld execs | corpus %ld%s | crashes %ld | hangs %ld%s",
            tty ? "\r" : "", el, rem, total > elapsed ? " left" : "", sum.execs_per_sec, sum.execs, sum.corpus, edges, sum.crashes,
            sum.hangs, tty ? "   " : "\n");
}

static void tail_file(const char *path, int lines)
{
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "tail -n %d '%s' >&2", lines, path);
    if (system(cmd) != 0)
        ms_warn("(could not show %s)", path);
}

int cmd_fuzz(int argc, char **argv)
{
    char **cargs;
    int ncargs;
    ms_split_args(&argc, argv, &cargs, &ncargs);
    static const struct option longopts[] = {
        {"target", required_argument, 0, 'T'},     {"flags", required_argument, 0, 'F'},
        {"jobs", required_argument, 0, 'j'},       {"time", required_argument, 0, 'V'},
        {"seeds", required_argument, 0, 'i'},      {"out", required_argument, 0, 'o'},
        {"resume", no_argument, 0, 'R'},           {"exec-timeout", required_argument, 0, 't'},
        {"mutsmith-only", no_argument, 0, 'O'},    {"plugin", required_argument, 0, 'P'},
        {"no-triage", no_argument, 0, 'N'},        {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},             {0, 0, 0, 0}};
    const char *target = NULL, *flags = NULL, *seeds = "corpus", *out_arg = "fuzz-out";
    const char *plugin_arg = NULL;
    int jobs = 1, resume = 0, only = 0, triage = 1, quiet = 0;
    long seconds = 600;
    unsigned exec_timeout = 0;
    unsigned long long v;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'T': target = optarg; break;
        case 'F': flags = optarg; break;
        case 'j':
            if (ms_parse_uint(optarg, &v) || v < 1 || v > MAX_JOBS)
                ms_die("fuzz: --jobs needs 1..%d, got '%s'", MAX_JOBS, optarg);
            jobs = (int)v;
            break;
        case 'V':
            if ((seconds = parse_time(optarg)) <= 0)
                ms_die("fuzz: --time needs e.g. 30s, 10m or 2h, got '%s'", optarg);
            break;
        case 'i': seeds = optarg; break;
        case 'o': out_arg = optarg; break;
        case 'R': resume = 1; break;
        case 't':
            if (ms_parse_uint(optarg, &v) || v < 10 || v > 3600000)
                ms_die("fuzz: --exec-timeout needs milliseconds (10..3600000), got '%s'", optarg);
            exec_timeout = (unsigned)v;
            break;
        case 'O': only = 1; break;
        case 'P': plugin_arg = optarg; break;
        case 'N': triage = 0; break;
        case 'q': quiet = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind < argc)
        ms_die("fuzz: unexpected argument '%s' (see mutsmith fuzz --help)", argv[optind]);

    /* output directory: never overwrite a campaign by accident */
    char out[PATH_MAX], cmdfile[PATH_MAX + 16];
    struct stat st;
    int exists = stat(out_arg, &st) == 0;
    snprintf(cmdfile, sizeof cmdfile, "%s/campaign.cmd", out_arg);
    if (resume && (!exists || access(cmdfile, R_OK) != 0))
        ms_die("fuzz: --resume needs an existing campaign in '%s' (no campaign.cmd there)", out_arg);
    if (!resume && exists) {
        DIR *d = opendir(out_arg);
        int empty = 1;
        struct dirent *e;
        while (d && (e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                empty = 0;
        if (d)
            closedir(d);
        if (!empty)
            ms_die("fuzz: '%s' already holds a campaign; continue it with --resume or choose "
                   "another --out",
                   out_arg);
    }
    if (mkdir_p(out_arg) != 0)
        ms_die("fuzz: cannot create '%s': %s", out_arg, strerror(errno));
    if (!realpath(out_arg, out))
        ms_die("fuzz: cannot resolve '%s': %s", out_arg, strerror(errno));

    /* target: on --resume, default to the campaign's own */
    char saved_target[4096], saved_flags[1024];
    if (resume && !target && campaign_get(out, "target", saved_target, sizeof saved_target) == 0)
        target = saved_target;
    if (resume && !flags && campaign_get(out, "flags", saved_flags, sizeof saved_flags) == 0)
        flags = saved_flags;
    if (!target)
        target = "clang";
    if (!flags)
        flags = "-O2";
    fuzz_target t;
    char err[1024], obj[PATH_MAX + 32];
    snprintf(obj, sizeof obj, "%s/tmp/target-output.o", out);
    snprintf(err, sizeof err, "%s/tmp", out);
    mkdir_p(err);
    if (ft_resolve(&t, target, flags, obj, err, sizeof err) != 0)
        ms_die("fuzz: %s", err);
    ft_probe(&t);
    if (exec_timeout)
        t.timeout_ms = exec_timeout;
    t.instances = jobs;

    /* seeds */
    char seeds_abs[PATH_MAX];
    if (!resume) {
        if (!realpath(seeds, seeds_abs))
            ms_die("fuzz: seed directory '%s' not found", seeds);
    }

    /* the plugin */
    char plugin[PATH_MAX];
    if (plugin_arg) {
        if (!realpath(plugin_arg, plugin))
            ms_die("fuzz: plugin '%s' not found", plugin_arg);
    } else {
        char self[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        if (n <= 0)
            ms_die("fuzz: cannot locate the mutsmith binary");
        self[n] = '\0';
        *strrchr(self, '/') = '\0';
        snprintf(plugin, sizeof plugin, "%s/mutsmith-afl.so", self);
    }
    if (access(plugin, R_OK) != 0)
        ms_die("fuzz: plugin %s not found: build it with `make`", plugin);
    char afl[PATH_MAX];
    if (system("command -v afl-fuzz >/dev/null 2>&1") != 0)
        ms_die("fuzz: afl-fuzz not found: apt-get install afl++ (or run scripts/deps.sh fuzz)");
    snprintf(afl, sizeof afl, "afl-fuzz");

    if (ft_write_campaign(&t, out, err, sizeof err) != 0)
        ms_die("fuzz: %s", err);
    char dir[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/logs", out);
    mkdir_p(dir);

    fprintf(stderr, "mutsmith fuzz: target %s%s (%s), %d instance(s), %lds, output %s\n",
            t.path, t.is_clang ? " -cc1" : "", t.flags, jobs, seconds, out);
    if (t.guided) {
        fprintf(stderr, "mutsmith fuzz: the target is AFL-instrumented (map size %u): "
                        "coverage-guided campaign\n",
                t.map_size);
    } else {
        fprintf(stderr,
                "mutsmith fuzz: the target is NOT AFL-instrumented: running afl-fuzz in -n mode, "
                "without coverage feedback.\n"
                "  Coverage guidance needs an instrumented compiler: `make target-clang` builds an\n"
                "  AFL-instrumented, assertion-enabled clang (hours), `make target-tcc` an\n"
                "  instrumented tcc (seconds); then pass --target with its path.\n");
    }

    /* start the instances */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    char names[MAX_JOBS][16];
    pid_t pids[MAX_JOBS];
    int alive = 0;
    char margs[4096];
    margs[0] = '\0';
    for (int i = 0, n = 0; i < ncargs; i++)
        n += snprintf(margs + n, sizeof margs - (size_t)n, "%s%s", i ? " " : "", cargs[i]);
    for (int i = 0; i < jobs; i++) {
        if (i == 0)
            snprintf(names[i], sizeof names[i], "main");
        else
            snprintf(names[i], sizeof names[i], "s%d", i);
        char tmpdir[PATH_MAX + 32], log[PATH_MAX + 64], mlog[PATH_MAX + 64];
        snprintf(tmpdir, sizeof tmpdir, "%s/tmp/%s", out, names[i]);
        mkdir_p(tmpdir);
        snprintf(log, sizeof log, "%s/logs/%s.afl.log", out, names[i]);
        snprintf(mlog, sizeof mlog, "%s/logs/%s.mutsmith.log", out, names[i]);
        char *av[FT_MAX_ARGS + 32];
        int a = 0;
        char tbuf[32], vbuf[32];
        snprintf(tbuf, sizeof tbuf, "%u", t.timeout_ms);
        snprintf(vbuf, sizeof vbuf, "%ld", seconds);
        /* afl-fuzz refuses -M/-S in -n mode, and then writes straight into
         * its -o directory: unguided instances get -o OUT/<name>, which keeps
         * the layout of guided campaigns (no sync between them) */
        char own_out[PATH_MAX + 32];
        snprintf(own_out, sizeof own_out, "%s/%s", out, names[i]);
        av[a++] = afl;
        av[a++] = "-i";
        av[a++] = resume ? "-" : seeds_abs;
        av[a++] = "-o";
        if (t.guided) {
            av[a++] = out;
            av[a++] = i == 0 ? "-M" : "-S";
            av[a++] = names[i];
        } else {
            av[a++] = own_out;
        }
        av[a++] = "-t";
        av[a++] = tbuf;
        av[a++] = "-V";
        av[a++] = vbuf;
        av[a++] = "-e";
        av[a++] = "c";
        if (!t.guided)
            av[a++] = "-n";
        av[a++] = "--";
        av[a++] = t.path;
        for (int k = 0; k < t.argc; k++)
            av[a++] = t.argv[k];
        av[a] = NULL;
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0)
            ms_die("fuzz: fork: %s", strerror(errno));
        if (pid == 0) {
            setpgid(0, 0);
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
            int nul = open("/dev/null", O_RDONLY);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
            }
            if (nul >= 0)
                dup2(nul, 0);
            char mapsz[32];
            snprintf(mapsz, sizeof mapsz, "%u", t.map_size);
            setenv("AFL_CUSTOM_MUTATOR_LIBRARY", plugin, 1);
            if (only)
                setenv("AFL_CUSTOM_MUTATOR_ONLY", "1", 1);
            setenv("AFL_DISABLE_TRIM", "1", 1);
            setenv("AFL_FAST_CAL", "1", 1);
            setenv("AFL_NO_UI", "1", 1);
            setenv("AFL_SKIP_CPUFREQ", "1", 1);
            setenv("AFL_NO_AFFINITY", "1", 1);
            setenv("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1", 1);
            setenv("AFL_TMPDIR", tmpdir, 1);
            setenv("MUTSMITH_LOG", mlog, 1);
            if (ncargs > 0)
                setenv("MUTSMITH_ARGS", margs, 1);
            if (t.is_clang)
                setenv("AFL_CRASH_EXITCODE", "70", 1);
            if (t.guided)
                setenv("AFL_MAP_SIZE", mapsz, 1);
            execvp(av[0], av);
            fprintf(stderr, "cannot run afl-fuzz: %s\n", strerror(errno));
            _exit(127);
        }
        setpgid(pid, pid);
        pids[i] = pid;
        alive++;
    }

    /* watch */
    int tty = isatty(2) && !quiet;
    time_t start = time(NULL), last = 0;
    int failed = 0, stopping = 0;
    time_t stop_at = 0;
    while (alive > 0) {
        int wst;
        pid_t pid = waitpid(-1, &wst, WNOHANG);
        if (pid > 0) {
            for (int i = 0; i < jobs; i++) {
                if (pids[i] != pid)
                    continue;
                pids[i] = 0;
                alive--;
                long ran = (long)(time(NULL) - start);
                int ok = WIFEXITED(wst) && WEXITSTATUS(wst) == 0;
                if (!ok && !stopping) {
                    failed = 1;
                    fprintf(stderr, "\nmutsmith fuzz: afl-fuzz instance %s stopped after %lds "
                                    "(status %d); its log:\n",
                            names[i], ran, WIFEXITED(wst) ? WEXITSTATUS(wst) : 128 + WTERMSIG(wst));
                    char log[PATH_MAX + 64];
                    snprintf(log, sizeof log, "%s/logs/%s.afl.log", out, names[i]);
                    tail_file(log, 15);
                    g_stop = 1;
                }
            }
            continue;
        }
        time_t now = time(NULL);
        if (g_stop && !stopping) {
            stopping = 1;
            stop_at = now;
            fprintf(stderr, "\nmutsmith fuzz: stopping %d instance(s)...\n", alive);
            for (int i = 0; i < jobs; i++)
                if (pids[i] > 0)
                    kill(-pids[i], SIGINT);
        }
        /* afl-fuzz ends itself with -V; make sure nothing outlives its time */
        if (!stopping && now - start > seconds + 120)
            g_stop = 1;
        if (stopping && now - stop_at > 20)
            for (int i = 0; i < jobs; i++)
                if (pids[i] > 0)
                    kill(-pids[i], SIGKILL);
        if (!quiet && !stopping && now != last && (tty || (now - start) % 30 == 0)) {
            print_progress(out, names, jobs, (long)(now - start), seconds, t.guided, tty);
            last = now;
        }
        struct timespec ts = {0, 200000000};
        nanosleep(&ts, NULL);
    }
    if (!quiet) {
        print_progress(out, names, jobs, (long)(time(NULL) - start), seconds, t.guided, 0);
    }
    ft_free(&t);
    if (failed)
        return 1;
    long ran = (long)(time(NULL) - start);
    if (stopping && ran < seconds) {
        fprintf(stderr, "mutsmith fuzz: stopped after %lds; everything is in %s\n"
                        "  continue with: mutsmith fuzz --resume --out %s --time T\n",
                ran, out, out_arg);
        return 130;
    }
    fprintf(stderr, "mutsmith fuzz: campaign finished after %lds; output in %s\n", ran, out);
    if (!triage)
        return 0;
    char *targv[] = {"triage", out, NULL};
    int trc = cmd_triage(2, targv);
    char *rargv[] = {"report", out, NULL};
    int rrc = cmd_report(2, rargv);
    fprintf(stderr, "mutsmith fuzz: triage in %s/triage%s, report in %s/report/report.md%s\n", out,
            trc ? " (failed)" : "", out, rrc ? " (failed)" : "");
    return trc || rrc ? 1 : 0;
}
