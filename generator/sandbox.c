/*
 * sandbox.c - sb_run (sandbox.h): one untrusted command in a child process.
 *
 * The child becomes the leader of a new session (so the whole group can be
 * killed at once), dies with the caller (PR_SET_PDEATHSIG), resets signal
 * dispositions and mask, closes every inherited descriptor, reads
 * /dev/null, writes stdout and stderr into one pipe, enters the working
 * directory, sets the resource limits, and with no_net moves into a new
 * network namespace (directly as root, else inside a new user namespace
 * mapping the caller's ids; failure is tolerated: the seccomp filter is what
 * is relied on) and installs the seccomp filter (sandbox_filter.c; failure
 * is fatal). Then it execs.
 *
 * The parent reads the pipe with poll() (keeping out_cap bytes, draining
 * the rest so the child never blocks on a full pipe), watches the child
 * through a pidfd (or a short tick where there is none), kills the process
 * group with SIGKILL on the wall-clock timeout and, once the child has
 * exited, kills what is left of its group too, so no descendant outlives
 * the run. Every descriptor is close-on-exec; every call is EINTR-safe.
 */
#include "sandbox.h"
#include "sandbox_filter.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define DEFAULT_CAP (64u << 10)

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- the child: async-signal-safe calls only until exec ---- */
static void child_say(const char *what, int err)
{
    const char *e = strerror(err);
    ssize_t w = write(2, "sandbox: ", 9);
    w = write(2, what, strlen(what));
    w = write(2, ": ", 2);
    w = write(2, e, strlen(e));
    w = write(2, "\n", 1);
    (void)w;
}

static void child_fail(const char *what, int code)
{
    child_say(what, errno);
    _exit(code);
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static void enter_netns(void)
{
    if (unshare(CLONE_NEWNET) == 0)
        return;
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0)
        return; /* not permitted here: seccomp still forbids sockets */
    char map[64];
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)uid, (unsigned)uid);
    write_file("/proc/self/uid_map", map);
    write_file("/proc/self/setgroups", "deny\n");
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)gid, (unsigned)gid);
    write_file("/proc/self/gid_map", map);
}

static void set_limit(int res, rlim_t v)
{
    struct rlimit rl = {v, v};
    if (setrlimit(res, &rl) != 0)
        child_fail("setrlimit", 126);
}

static void close_from(int lowfd)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lowfd, ~0u, 0u) == 0)
        return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536)
        max = 65536;
    for (int fd = lowfd; fd < max; fd++)
        close(fd);
}

static void child(const sb_limits *l, int wfd, pid_t parent, char *const argv[],
                  char *const envp[])
{
    if (setsid() < 0)
        child_fail("setsid", 126);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
        child_fail("prctl", 126);
    if (getppid() != parent)
        _exit(126); /* the caller is already gone */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, 0) < 0 || dup2(wfd, 1) < 0 || dup2(wfd, 2) < 0)
        child_fail("stdio", 126);
    close_from(3);
    if (l->dir && chdir(l->dir) != 0)
        child_fail(l->dir, 126);
    if (l->cpu_s > 0)
        set_limit(RLIMIT_CPU, (rlim_t)l->cpu_s);
    if (l->mem_mb > 0)
        set_limit(RLIMIT_AS, (rlim_t)l->mem_mb << 20);
    if (l->fsize_mb > 0)
        set_limit(RLIMIT_FSIZE, (rlim_t)l->fsize_mb << 20);
    if (l->nproc > 0)
        set_limit(RLIMIT_NPROC, (rlim_t)l->nproc);
    if (l->no_net) {
        enter_netns();
        if (sb_filter_install(l->no_write) != 0)
            child_fail("seccomp", 126);
    } else if (l->no_write && sb_filter_install(1) != 0) {
        child_fail("seccomp", 126);
    }
    execvpe(argv[0], argv, envp ? envp : environ);
    child_fail(argv[0], 127);
}

/* ---- the parent ---- */
typedef struct outbuf {
    char *s;
    size_t len, cap;
} outbuf;

static void keep(outbuf *o, const char *data, size_t n)
{
    size_t room = o->cap - o->len;
    if (n > room)
        n = room;
    memcpy(o->s + o->len, data, n);
    o->len += n;
}

/* read what is there; 1 at end of file, 0 otherwise */
static int drain(int fd, outbuf *o)
{
    char chunk[16384];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n > 0) {
            keep(o, chunk, (size_t)n);
            continue;
        }
        if (n == 0)
            return 1;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : 1;
    }
}

static int reap(pid_t pid, int *wstatus, int flags)
{
    for (;;) {
        pid_t w = waitpid(pid, wstatus, flags);
        if (w >= 0 || errno != EINTR)
            return w == pid;
    }
}

int sb_run(const sb_limits *l, char *const argv[], char *const envp[], sb_result *r)
{
    memset(r, 0, sizeof *r);
    outbuf o = {0};
    o.cap = l->out_cap ? l->out_cap : DEFAULT_CAP;
    o.s = malloc(o.cap + 1);
    if (!o.s)
        return -1;
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        free(o.s);
        return -1;
    }
    double t0 = now_s();
    pid_t parent = getpid();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
        child(l, p[1], parent, argv, envp);
    int saved = errno;
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        free(o.s);
        errno = saved;
        return -1;
    }
    fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
    int pidfd = -1;
#ifdef SYS_pidfd_open
    pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
    int eof = 0, exited = 0, wstatus = 0;
    double killed_at = 0;
    while (!eof || !exited) {
        double t = now_s(), left = l->wall_s > 0 ? t0 + l->wall_s - t : 1e9;
        if (left <= 0) {
            if (exited)
                break; /* the pipe is held by something outside the group */
            if (!r->timed_out) {
                r->timed_out = 1;
                killed_at = t;
                kill(-pid, SIGKILL);
                kill(pid, SIGKILL);
            } else if (t - killed_at > 2) {
                break;
            }
        }
        struct pollfd fds[2];
        int nfds = 0;
        if (!eof)
            fds[nfds++] = (struct pollfd){p[0], POLLIN, 0};
        if (!exited && pidfd >= 0)
            fds[nfds++] = (struct pollfd){pidfd, POLLIN, 0};
        int ms = left > 0 ? (int)(left * 1000) + 1 : 100;
        if (ms > 1000)
            ms = 1000;
        if (pidfd < 0 && !exited && ms > 10)
            ms = 10;
        if (nfds > 0 && poll(fds, (nfds_t)nfds, ms) < 0 && errno != EINTR)
            break;
        if (!eof)
            eof = drain(p[0], &o);
        if (!exited && reap(pid, &wstatus, WNOHANG)) {
            exited = 1;
            /* nothing of the group may outlive the leader */
            kill(-pid, SIGKILL);
        }
        if (nfds == 0) {
            struct timespec ts = {0, 10000000};
            nanosleep(&ts, NULL);
        }
    }
    if (!exited) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        reap(pid, &wstatus, 0);
    }
    if (pidfd >= 0)
        close(pidfd);
    close(p[0]);
    o.s[o.len] = '\0';
    r->out = o.s;
    r->out_len = o.len;
    r->wall_s = now_s() - t0;
    if (WIFEXITED(wstatus)) {
        r->exited = 1;
        r->status = WEXITSTATUS(wstatus);
    } else if (WIFSIGNALED(wstatus)) {
        r->signal = WTERMSIG(wstatus);
    }
    return 0;
}

void sb_result_free(sb_result *r)
{
    if (!r)
        return;
    free(r->out);
    r->out = NULL;
    r->out_len = 0;
}
