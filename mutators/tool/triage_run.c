/*
 * triage_run.c - one run of the campaign's target on one input under a time
 * limit, stderr captured, the whole process group killed at the end (see
 * triage_run.h).
 */
#include "triage_run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

volatile sig_atomic_t ms_tri_stop = 0;

double ms_tri_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ms_tri_result_free(ms_tri_result *r)
{
    if (!r)
        return;
    free(r->err);
    r->err = NULL;
    r->err_len = 0;
}

/* between fork and exec: async-signal-safe calls only */
static void child(const ms_tri_campaign *c, const char *file, char **argv, int errfd)
{
    setpgid(0, 0);
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int in = open(c->file_arg ? "/dev/null" : file, O_RDONLY);
    int out = open("/dev/null", O_WRONLY);
    if (in < 0 || out < 0)
        _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(errfd, 2);
    execve(argv[0], argv, c->envp);
    static const char msg[] = "mutsmith triage: cannot execute the target\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(127);
}

static void append(ms_tri_result *r, size_t *cap, const char *buf, size_t n)
{
    if (r->err_len + n > MS_TRI_ERR_CAP)
        n = MS_TRI_ERR_CAP - r->err_len;
    if (n == 0)
        return;
    if (r->err_len + n + 1 > *cap) {
        size_t nc = *cap ? *cap : 4096;
        while (nc < r->err_len + n + 1)
            nc *= 2;
        char *ne = realloc(r->err, nc);
        if (!ne)
            return; /* keep what we have */
        r->err = ne;
        *cap = nc;
    }
    memcpy(r->err + r->err_len, buf, n);
    r->err_len += n;
    r->err[r->err_len] = '\0';
}

int ms_tri_run(const ms_tri_campaign *c, const char *file, double limit_s, int dump_on_timeout,
               ms_tri_result *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    size_t cap = 0;
    char **argv = ms_tri_campaign_argv(c, file);
    if (!argv) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        ms_tri_argv_free(argv);
        return -1;
    }
    double t0 = ms_tri_now();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "fork: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        ms_tri_argv_free(argv);
        return -1;
    }
    if (pid == 0)
        child(c, file, argv, p[1]);
    setpgid(pid, pid); /* also done by the child: no race either way */
    close(p[1]);
    ms_tri_argv_free(argv);

    int fd = p[0], exited = 0, status = 0, phase = 0; /* 0 running, 1 SIGABRT sent, 2 killed */
    double deadline = t0 + limit_s, abort_deadline = 0, drain_deadline = 0;
    char buf[65536];
    for (;;) {
        if (!exited) {
            /* peek without reaping, kill what is left of the group, then reap:
             * the pid stays reserved while it is a zombie, so killpg is safe */
            siginfo_t si;
            memset(&si, 0, sizeof si);
            int w = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT);
            if (w == 0 && si.si_pid == pid) {
                r->ms = (ms_tri_now() - t0) * 1000.0;
                killpg(pid, SIGKILL);
                while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                    ;
                exited = 1;
                drain_deadline = ms_tri_now() + 0.5;
            }
        }
        if (exited && (fd < 0 || ms_tri_now() > drain_deadline))
            break;
        double t = ms_tri_now();
        if (!exited) {
            if (ms_tri_stop && phase < 2) {
                killpg(pid, SIGKILL);
                r->interrupted = 1;
                phase = 2;
            } else if (phase == 0 && t >= deadline) {
                r->timed_out = 1;
                if (dump_on_timeout) {
                    kill(pid, SIGABRT);
                    abort_deadline = t + 2.0;
                    phase = 1;
                } else {
                    killpg(pid, SIGKILL);
                    phase = 2;
                }
            } else if (phase == 1 && t >= abort_deadline) {
                killpg(pid, SIGKILL);
                phase = 2;
            }
        }
        if (fd >= 0) {
            struct pollfd pfd = {fd, POLLIN, 0};
            int pr = poll(&pfd, 1, 20);
            if (pr > 0) {
                ssize_t n = read(fd, buf, sizeof buf);
                if (n > 0) {
                    append(r, &cap, buf, (size_t)n);
                } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                    close(fd);
                    fd = -1;
                }
            }
        } else {
            struct timespec ts = {0, 5 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    if (fd >= 0)
        close(fd);
    if (!r->err) {
        r->err = strdup("");
        if (!r->err) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    if (WIFEXITED(status)) {
        r->exited = 1;
        r->exit_code = WEXITSTATUS(status);
        r->exec_failed = r->exit_code == 127 && strstr(r->err, "mutsmith triage: cannot execute");
    } else if (WIFSIGNALED(status)) {
        r->signo = WTERMSIG(status);
    }
    return 0;
}
