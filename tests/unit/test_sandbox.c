/*
 * test_sandbox.c - unit tests of sb_run (generator/sandbox.c): exit status
 * and signal, merged and capped output, the wall-clock timeout killing the
 * whole process group (grandchildren included), no descendant outliving a
 * run, no zombie and no descriptor left behind, and the seccomp filter
 * trapping a socket and a file write. The binary re-runs itself (argv[1] =
 * "--socket" / "--write FILE") as the untrusted program.
 */
#include "harness.h"
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char self[4096], tmpdir[256];

static sb_limits lim(double wall)
{
    sb_limits l = {.dir = tmpdir, .wall_s = wall, .out_cap = 4096};
    return l;
}

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* 1 while pid exists and is not a zombie */
static int alive(long pid)
{
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');
    return p && p[1] == ' ' && p[2] != 'Z' && p[2] != 'X';
}

static long read_pid(const char *file)
{
    char path[512], buf[32] = "";
    snprintf(path, sizeof path, "%s/%s", tmpdir, file);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

static void unit_should_report_exit_status_and_signal(void)
{
    sb_limits l = lim(10);
    sb_result r;
    char *const a1[] = {"sh", "-c", "echo out; echo err >&2; exit 3", NULL};
    CHECK(sb_run(&l, a1, NULL, &r) == 0);
    CHECK(r.exited && r.status == 3 && r.signal == 0 && !r.timed_out);
    CHECK_STR(r.out, "out\nerr\n");
    sb_result_free(&r);
    char *const a2[] = {"sh", "-c", "kill -SEGV $$", NULL};
    CHECK(sb_run(&l, a2, NULL, &r) == 0);
    CHECK(!r.exited && r.signal == SIGSEGV);
    sb_result_free(&r);
    char *const a3[] = {"/nonexistent/program", NULL};
    CHECK(sb_run(&l, a3, NULL, &r) == 0);
    CHECK(r.exited && r.status == 127 && strstr(r.out, "/nonexistent/program") != NULL);
    sb_result_free(&r);
}

static void unit_should_run_in_its_directory_with_the_given_environment(void)
{
    sb_limits l = lim(10);
    sb_result r;
    char *const a[] = {"/bin/sh", "-c", "pwd; echo \"$SB_TEST\"", NULL};
    char *const env[] = {"SB_TEST=hello", "PATH=/usr/bin:/bin", NULL};
    CHECK(sb_run(&l, a, env, &r) == 0);
    char want[512];
    snprintf(want, sizeof want, "%s\nhello\n", tmpdir);
    CHECK_STR(r.out, want);
    sb_result_free(&r);
}

static void unit_should_cap_output_and_keep_draining(void)
{
    sb_limits l = lim(20);
    l.out_cap = 1000;
    sb_result r;
    /* 4 MB through a 64 KB pipe: the child must never block on it */
    char *const a[] = {"sh", "-c", "head -c 4000000 /dev/zero | tr '\\0' a; echo done >&2", NULL};
    CHECK(sb_run(&l, a, NULL, &r) == 0);
    CHECK(r.exited && r.status == 0 && !r.timed_out);
    CHECK(r.out_len == 1000 && strlen(r.out) == 1000);
    sb_result_free(&r);
}

static void unit_should_kill_the_whole_group_on_timeout(void)
{
    sb_limits l = lim(0.5);
    sb_result r;
    char *const a[] = {"sh", "-c", "sleep 60 & echo $! > grandchild; sleep 60", NULL};
    CHECK(sb_run(&l, a, NULL, &r) == 0);
    CHECK(r.timed_out && !r.exited && r.signal == SIGKILL);
    CHECK(r.wall_s >= 0.5 && r.wall_s < 5);
    long gc = read_pid("grandchild");
    CHECK(gc > 0);
    for (int i = 0; i < 100 && gc > 0 && alive(gc); i++)
        usleep(10000);
    CHECK(gc > 0 && !alive(gc));
    sb_result_free(&r);
}

static void unit_should_leave_no_descendant_behind(void)
{
    sb_limits l = lim(30);
    sb_result r;
    /* the leader exits at once; its background child holds the pipe */
    char *const a[] = {"sh", "-c", "sleep 60 & echo $! > bg; exit 0", NULL};
    CHECK(sb_run(&l, a, NULL, &r) == 0);
    CHECK(r.exited && r.status == 0 && !r.timed_out && r.wall_s < 5);
    long bg = read_pid("bg");
    for (int i = 0; i < 100 && bg > 0 && alive(bg); i++)
        usleep(10000);
    CHECK(bg > 0 && !alive(bg));
    sb_result_free(&r);
}

static void unit_should_trap_sockets_and_writes(void)
{
    sb_limits l = lim(30);
    l.no_net = 1;
    sb_result r;
    char *const a1[] = {self, "--socket", NULL};
    CHECK(sb_run(&l, a1, NULL, &r) == 0);
    CHECK(!r.exited && r.signal == SIGSYS);
    sb_result_free(&r);
    /* without no_write a file may be written in the directory */
    char *const a2[] = {self, "--write", "made-here", NULL};
    CHECK(sb_run(&l, a2, NULL, &r) == 0);
    CHECK(r.exited && r.status == 0);
    sb_result_free(&r);
    l.no_write = 1;
    char outside[512];
    snprintf(outside, sizeof outside, "%s-outside", tmpdir);
    char *const a3[] = {self, "--write", outside, NULL};
    CHECK(sb_run(&l, a3, NULL, &r) == 0);
    CHECK(!r.exited && r.signal == SIGSYS);
    CHECK(access(outside, F_OK) != 0);
    sb_result_free(&r);
    /* reading is still allowed */
    char *const a4[] = {"cat", "made-here", NULL};
    CHECK(sb_run(&l, a4, NULL, &r) == 0);
    CHECK(r.exited && r.status == 0);
    CHECK_STR(r.out, "x\n");
    sb_result_free(&r);
}

static void unit_should_leave_no_zombie_or_descriptor(void)
{
    int before = count_fds();
    sb_limits l = lim(10);
    for (int i = 0; i < 20; i++) {
        sb_result r;
        char *const a[] = {"true", NULL};
        CHECK(sb_run(&l, a, NULL, &r) == 0);
        sb_result_free(&r);
    }
    CHECK(count_fds() == before);
    int st;
    CHECK(waitpid(-1, &st, WNOHANG) < 0 && errno == ECHILD);
}

static int untrusted(int argc, char **argv)
{
    if (!strcmp(argv[1], "--socket"))
        return socket(AF_INET, SOCK_STREAM, 0) >= 0 ? 0 : 2;
    if (!strcmp(argv[1], "--write") && argc > 2) {
        FILE *f = fopen(argv[2], "w");
        if (!f)
            return 2;
        fputs("x\n", f);
        return fclose(f) == 0 ? 0 : 2;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return untrusted(argc, argv);
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return 1;
    self[n] = '\0';
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ms-sandbox-test-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    RUN(unit_should_report_exit_status_and_signal);
    RUN(unit_should_run_in_its_directory_with_the_given_environment);
    RUN(unit_should_cap_output_and_keep_draining);
    RUN(unit_should_kill_the_whole_group_on_timeout);
    RUN(unit_should_leave_no_descendant_behind);
    RUN(unit_should_trap_sockets_and_writes);
    RUN(unit_should_leave_no_zombie_or_descriptor);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    FINISH();
}
