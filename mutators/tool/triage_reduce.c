/*
 * triage_reduce.c - run cvise on one crash input with a generated
 * interestingness test that re-runs the target through `mutsmith triage
 * --signature-of` and compares the signature; stop it at the time bound (see
 * triage_reduce.h).
 */
#include "triage_reduce.h"
#include "triage_campaign.h"
#include "triage_run.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int write_test_script(const ms_tri_reduce_opts *o, const char *path, const char *signature)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("#!/bin/sh\n"
          "# Interestingness test for cvise, written by `mutsmith triage`: reduced.c\n"
          "# (in the current directory) still crashes the campaign's target with the\n"
          "# same signature, by the same oracle as the bucketing.\n"
          "sig=$(",
          f);
    ms_tri_shell_quote(f, o->self_exe);
    fputs(" triage --signature-of reduced.c --campaign ", f);
    ms_tri_shell_quote(f, o->outdir);
    fputs(" 2>/dev/null) || exit 1\n[ \"$sig\" = ", f);
    ms_tri_shell_quote(f, signature);
    fputs(" ]\n", f);
    int ok = ferror(f) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || chmod(path, 0755) != 0)
        return -1;
    return 0;
}

/* SIGINT to cvise's group, up to 10 s to clean up, then SIGKILL */
static void stop_group(pid_t pid, int *status)
{
    killpg(pid, SIGINT);
    double end = ms_tri_now() + 10.0;
    while (ms_tri_now() < end) {
        if (waitpid(pid, status, WNOHANG) == pid) {
            killpg(pid, SIGKILL);
            return;
        }
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    killpg(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
}

int ms_tri_reduce(const ms_tri_reduce_opts *o, const char *workdir, const char *text, size_t len,
                  const char *signature, char **out, size_t *outlen, char *err, size_t errlen)
{
    *out = NULL;
    *outlen = 0;
    err[0] = '\0';
    size_t wl = strlen(workdir) + 32;
    char *test = malloc(wl), *file = malloc(wl), *log = malloc(wl);
    int rc = -1;
    if (!test || !file || !log) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    snprintf(test, wl, "%s/test.sh", workdir);
    snprintf(file, wl, "%s/reduced.c", workdir);
    snprintf(log, wl, "%s/cvise.log", workdir);
    if (mkdir(workdir, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", workdir, strerror(errno));
        goto done;
    }
    if (ms_write_file(file, text, len, err, errlen) != 0)
        goto done;
    if (write_test_script(o, test, signature) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", test, strerror(errno));
        goto done;
    }
    char nbuf[16], tbuf[32];
    snprintf(nbuf, sizeof nbuf, "%d", o->jobs > 0 ? o->jobs : 1);
    snprintf(tbuf, sizeof tbuf, "%d", (int)(o->test_timeout_s + 0.999));
    char *argv[] = {(char *)o->cvise, "--n", nbuf, "--timeout", tbuf, "--tidy",
                    "--skip-key-off", test, "reduced.c", NULL};
    int logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (logfd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", log, strerror(errno));
        goto done;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "fork: %s", strerror(errno));
        close(logfd);
        goto done;
    }
    if (pid == 0) {
        setpgid(0, 0);
        int in = open("/dev/null", O_RDONLY);
        if (in < 0 || chdir(workdir) != 0)
            _exit(127);
        dup2(in, 0);
        dup2(logfd, 1);
        dup2(logfd, 2);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid);
    close(logfd);
    double start = ms_tri_now(), deadline = start + o->time_s, next_report = start + 30;
    int status = 0, timed_out = 0, interrupted = 0;
    for (;;) {
        if (o->progress && ms_tri_now() >= next_report) {
            struct stat st;
            if (stat(file, &st) == 0)
                fprintf(stderr, "triage:   ... %lld bytes after %.0f s\n", (long long)st.st_size,
                        ms_tri_now() - start);
            next_report += 30;
        }
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid) {
            killpg(pid, SIGKILL); /* stray test processes */
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            break;
        }
        if (ms_tri_stop) {
            interrupted = 1;
            stop_group(pid, &status);
            break;
        }
        if (ms_tri_now() >= deadline) {
            timed_out = 1;
            stop_group(pid, &status);
            break;
        }
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (interrupted) {
        rc = 2;
        goto done;
    }
    if (!timed_out && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        snprintf(err, errlen, "cvise failed (%s %d, see %s)",
                 WIFEXITED(status) ? "exit" : "signal",
                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), log);
    else if (timed_out)
        snprintf(err, errlen, "stopped at the %.0f s bound", o->time_s);
    char e2[256];
    if (ms_read_file(file, out, outlen, e2, sizeof e2) != 0 || *outlen == 0) {
        free(*out);
        *out = NULL;
        *outlen = 0;
    }
    if (!*out) {
        *out = malloc(len + 1);
        if (!*out) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        memcpy(*out, text, len);
        (*out)[len] = '\0';
        *outlen = len;
    }
    unlink(file);
    rc = 0;
done:
    free(test);
    free(file);
    free(log);
    return rc;
}
