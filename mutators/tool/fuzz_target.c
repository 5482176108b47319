/*
 * fuzz_target.c - resolve the campaign's target (see fuzz_target.h).
 *
 * clang is fuzzed through its frontend, `clang -cc1 ...`, with the exact
 * arguments the driver would use (read from `clang -### -c`): through the
 * driver a frontend crash becomes an ordinary exit code that AFL cannot see.
 * Instrumentation is detected by running the target with AFL_DUMP_MAP_SIZE=1:
 * an AFL-instrumented binary prints its map size and exits.
 */
#include "fuzz_target.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run argv with extra environment (NULL-terminated), capture fd (1 or 2)
 * into buf. Returns the exit status or -1. */
static int run_capture(char *const argv[], const char *env_kv, int fd, char *buf, size_t len)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        int nul = open("/dev/null", O_RDWR);
        dup2(nul, 0);
        dup2(nul, fd == 1 ? 2 : 1);
        dup2(p[1], fd);
        close(p[0]);
        if (env_kv)
            putenv((char *)env_kv);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(p[1]);
    size_t n = 0;
    ssize_t r;
    while ((r = read(p[0], buf + n, len - 1 - n)) > 0 || (r < 0 && errno == EINTR))
        if (r > 0 && (n += (size_t)r) >= len - 1)
            break;
    buf[n] = '\0';
    close(p[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int find_in_path(const char *name, char *out, size_t outlen)
{
    if (strchr(name, '/')) {
        if (access(name, X_OK) != 0)
            return -1;
        snprintf(out, outlen, "%s", name);
        return 0;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        const char *e = strchr(path, ':');
        size_t l = e ? (size_t)(e - path) : strlen(path);
        snprintf(out, outlen, "%.*s/%s", (int)l, path, name);
        if (access(out, X_OK) == 0)
            return 0;
        path = e ? e + 1 : path + l;
    }
    return -1;
}

static int push_arg(fuzz_target *t, const char *a)
{
    if (t->argc >= FT_MAX_ARGS - 1)
        return -1;
    t->argv[t->argc] = strdup(a);
    if (!t->argv[t->argc])
        return -1;
    t->argc++;
    return 0;
}

/* Split the user's flags on blanks (no quoting needed for compiler flags). */
static int split_flags(const char *flags, char **words, int max)
{
    static char copy[1024];
    snprintf(copy, sizeof copy, "%s", flags ? flags : "");
    int n = 0;
    for (char *w = strtok(copy, " \t"); w && n < max; w = strtok(NULL, " \t"))
        words[n++] = w;
    return n;
}

/* Parse the -cc1 line of `clang -###`: "arg" "arg" ... with \" and \\. */
static int parse_cc1(fuzz_target *t, const char *line)
{
    const char *p = line;
    int first = 1;
    char arg[8192];
    while (*p) {
        while (*p == ' ')
            p++;
        if (*p != '"')
            break;
        p++;
        size_t n = 0;
        while (*p && *p != '"' && n < sizeof arg - 1) {
            if (*p == '\\' && p[1])
                p++;
            arg[n++] = *p++;
        }
        arg[n] = '\0';
        if (*p == '"')
            p++;
        if (first) {
            snprintf(t->path, sizeof t->path, "%s", arg);
            first = 0;
        } else if (push_arg(t, arg) != 0) {
            return -1;
        }
    }
    return first ? -1 : 0;
}

int ft_resolve(fuzz_target *t, const char *spec, const char *flags, const char *obj_path,
               char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    snprintf(t->flags, sizeof t->flags, "%s", flags ? flags : "");
    char exe[4096];
    const char *base = strrchr(spec, '/') ? strrchr(spec, '/') + 1 : spec;
    t->is_clang = strncmp(base, "clang", 5) == 0;
    if (!strcmp(spec, "clang")) {
        static const char *const names[] = {"clang", "clang-19", "clang-18", "clang-17",
                                            "clang-16", "clang-15", "clang-14"};
        size_t i;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (find_in_path(names[i], exe, sizeof exe) == 0)
                break;
        if (i == sizeof names / sizeof names[0]) {
            snprintf(err, errlen, "no clang found on PATH (apt-get install clang-16)");
            return -1;
        }
    } else if (find_in_path(spec, exe, sizeof exe) != 0) {
        snprintf(err, errlen, "target '%s' is not an executable file", spec);
        return -1;
    }
    char *words[64];
    int nw = split_flags(flags, words, 64);
    if (t->is_clang) {
        /* clang -### -c -x c <flags> /dev/null -o /dev/null */
        char *argv[80];
        int a = 0;
        argv[a++] = exe;
        argv[a++] = "-###";
        argv[a++] = "-c";
        argv[a++] = "-x";
        argv[a++] = "c";
        for (int i = 0; i < nw; i++)
            argv[a++] = words[i];
        argv[a++] = "/dev/null";
        argv[a++] = "-o";
        argv[a++] = "/dev/null";
        argv[a] = NULL;
        static char out[65536];
        int rc = run_capture(argv, NULL, 2, out, sizeof out);
        char *line = strstr(out, "\"-cc1\"");
        if (rc != 0 || !line) {
            snprintf(err, errlen, "`%s -### -c` with flags '%s' failed: %.200s", exe, t->flags, out);
            return -1;
        }
        while (line > out && line[-1] != '\n')
            line--;
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = '\0';
        if (parse_cc1(t, line) != 0) {
            snprintf(err, errlen, "cannot read clang's -cc1 command line");
            return -1;
        }
        /* the input is the last "/dev/null"; the one after -o stays */
        int input = -1;
        for (int i = 0; i < t->argc; i++)
            if (!strcmp(t->argv[i], "/dev/null") && (i == 0 || strcmp(t->argv[i - 1], "-o")))
                input = i;
        if (input < 0) {
            snprintf(err, errlen, "cannot find the input in clang's -cc1 command line");
            return -1;
        }
        free(t->argv[input]);
        t->argv[input] = strdup("@@");
        for (int i = 0; i + 1 < t->argc; i++)
            if (!strcmp(t->argv[i], "-o")) {
                free(t->argv[i + 1]);
                t->argv[i + 1] = strdup(obj_path);
            }
        t->timeout_ms = 3000;
    } else {
        snprintf(t->path, sizeof t->path, "%s", exe);
        for (int i = 0; i < nw; i++)
            push_arg(t, words[i]);
        push_arg(t, "-c");
        push_arg(t, "@@");
        push_arg(t, "-o");
        push_arg(t, obj_path);
        t->timeout_ms = 1000;
    }
    return 0;
}

void ft_probe(fuzz_target *t)
{
    char *argv[] = {t->path, NULL};
    char out[256];
    /* an instrumented binary prints only its map size (and exits 255 in
     * AFL++ 4.04c), whatever the exit code */
    int rc = run_capture(argv, "AFL_DUMP_MAP_SIZE=1", 1, out, sizeof out);
    char *end;
    unsigned long m = strtoul(out, &end, 10);
    while (*end == '\n' || *end == ' ' || *end == '\r')
        end++;
    t->guided = rc >= 0 && end != out && *end == '\0' && m > 0;
    t->map_size = t->guided ? (unsigned)m : 0;
}

int ft_write_campaign(const fuzz_target *t, const char *out_dir, char *err, size_t errlen)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
#define ADD(...) n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, __VA_ARGS__)
    ADD("# mutsmith campaign: how the target is run (docs/CAMPAIGN.md)\n");
    ADD("version 1\nkind %s\ntarget %s\n", t->is_clang ? "clang" : "other", t->path);
    for (int i = 0; i < t->argc; i++)
        ADD("arg %s\n", t->argv[i]);
    ADD("timeout_ms %u\nguided %d\nmap_size %u\n", t->timeout_ms, t->guided, t->map_size);
    if (t->is_clang)
        ADD("env AFL_CRASH_EXITCODE=70\n");
    ADD("flags %s\ninstances %d\n", t->flags, t->instances);
#undef ADD
    if (n >= cap) {
        free(buf);
        snprintf(err, errlen, "campaign description too long");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/campaign.cmd", out_dir);
    int rc = ms_write_file(path, buf, n, err, errlen);
    free(buf);
    return rc;
}

void ft_free(fuzz_target *t)
{
    for (int i = 0; i < t->argc; i++)
        free(t->argv[i]);
    t->argc = 0;
}
