/*
 * plugin.c - mutsmith as an AFL++ custom mutator (4.04c and newer; no AFL++
 * headers needed). This is the part that lives inside afl-fuzz: it never
 * calls libclang or a mutator itself. A worker process (worker.c) does, and
 * this file talks to it, enforces the time limit, restarts it when it dies,
 * quarantines mutators that fault repeatedly, and falls back to parse-free
 * mutations (fallback.c) so that afl-fuzz always gets a mutant.
 *
 * Hooks: init, fuzz_count (parse the queue entry once in the worker),
 * fuzz (hand out mutants from a pre-computed batch), describe (the mutator's
 * name, which AFL puts into queue and crash file names), init_trim (zero
 * steps: byte trimming cuts C mid-statement), deinit.
 *
 * Environment: MUTSMITH_MUTATORS=a,b (only these), MUTSMITH_EXCLUDE=a,b,
 * MUTSMITH_WEIGHTS=a=2,b=0.5, MUTSMITH_TIMEOUT_MS (per mutation, 1000),
 * MUTSMITH_PARSE_TIMEOUT_MS (5000), MUTSMITH_STACK (up to k stacked mutations
 * in one mutant in four, each costing a re-parse; default 1 = no stacking),
 * MUTSMITH_BATCH (128), MUTSMITH_QUARANTINE (faults before a mutator is
 * disabled, 3), MUTSMITH_FUZZ_COUNT (max mutants per entry, 256),
 * MUTSMITH_ARGS (compiler arguments for parsing), MUTSMITH_LOG (log file).
 */
#include "channel.h"
#include "engine.h"
#include "fallback.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct plugin {
    ch_shared sh;
    pid_t worker;
    int cmd_fd, rep_fd;
    int log_fd;
    uint64_t rng;
    /* configuration */
    uint64_t timeout_ns, parse_timeout_ns;
    unsigned batch, stack_max, quarantine_after, fuzz_count_max;
    /* mutator state */
    int nmut;
    unsigned faults[CH_MAX_MUTATORS];
    /* current queue entry */
    uint64_t cur_hash;
    size_t cur_len;
    int cur_state; /* 0 unknown, 1 parsed in the worker, -1 unparseable */
    int napplicable;
    unsigned remaining; /* fuzz calls AFL still makes for this entry */
    /* the batch being consumed (in output half `half`), and the next one,
     * requested ahead so the worker computes it while AFL runs the target */
    uint32_t next_rec, nrec;
    uint64_t next_off;
    unsigned half;
    int pending;
    size_t asked_max[2]; /* max_size each half's batch was requested with */
    int fresh;           /* no batch made yet for this entry */
    size_t max_seen;     /* largest max_size AFL has passed */
    /* fallback output */
    unsigned char *fb_buf;
    size_t fb_cap;
    char desc[CH_DESC_MAX + 8];
    /* statistics */
    uint64_t mutants, fallbacks, restarts, batches;
    uint64_t wait_ns, work_ns, rt_mutants;
} plugin;

static void plog(plugin *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void plog(plugin *p, const char *fmt, ...)
{
    char line[512];
    int n = snprintf(line, sizeof line, "[mutsmith-afl %d] ", (int)getpid());
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    ssize_t w = write(p->log_fd >= 0 ? p->log_fd : 2, line, (size_t)n);
    (void)w;
}

static unsigned env_uint(const char *name, unsigned def, unsigned lo, unsigned hi)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return def;
    char *end;
    unsigned long x = strtoul(v, &end, 10);
    if (*end || x < lo || x > hi)
        return def;
    return (unsigned)x;
}

static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && strncmp(p, name, n) == 0)
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

static void configure(plugin *p)
{
    ch_header *h = p->sh.hdr;
    p->timeout_ns = (uint64_t)env_uint("MUTSMITH_TIMEOUT_MS", 1000, 10, 600000) * 1000000ull;
    p->parse_timeout_ns = (uint64_t)env_uint("MUTSMITH_PARSE_TIMEOUT_MS", 5000, 10, 600000) * 1000000ull;
    p->stack_max = env_uint("MUTSMITH_STACK", 1, 1, 16);
    p->batch = env_uint("MUTSMITH_BATCH", 128, 1, 4096);
    p->quarantine_after = env_uint("MUTSMITH_QUARANTINE", 3, 1, 1000000);
    p->fuzz_count_max = env_uint("MUTSMITH_FUZZ_COUNT", 256, 1, 1000000);
    const char *only = getenv("MUTSMITH_MUTATORS"), *excl = getenv("MUTSMITH_EXCLUDE");
    const char *weights = getenv("MUTSMITH_WEIGHTS");
    p->nmut = ms_registry_count < CH_MAX_MUTATORS ? ms_registry_count : CH_MAX_MUTATORS;
    int enabled = 0;
    for (int i = 0; i < p->nmut; i++) {
        const char *name = ms_registry[i]->name;
        h->enabled[i] = (!only || !*only || in_list(only, name)) && !in_list(excl, name);
        h->weight[i] = 1.0f;
        enabled += h->enabled[i];
    }
    for (const char *w = weights; w && *w;) {
        const char *eq = strchr(w, '='), *comma = strchr(w, ',');
        if (eq && (!comma || eq < comma)) {
            char name[128];
            size_t l = (size_t)(eq - w) < sizeof name - 1 ? (size_t)(eq - w) : sizeof name - 1;
            memcpy(name, w, l);
            name[l] = 0;
            const ms_mutator *m = ms_registry_find(name);
            if (m) {
                for (int i = 0; i < p->nmut; i++)
                    if (ms_registry[i] == m)
                        h->weight[i] = strtof(eq + 1, NULL) > 0 ? strtof(eq + 1, NULL) : 0;
            } else {
                plog(p, "MUTSMITH_WEIGHTS: no mutator named '%s'", name);
            }
        }
        w = comma ? comma + 1 : NULL;
    }
    plog(p, "%d of %d mutators enabled; timeout %llu ms, batch %u, stack %u", enabled, p->nmut,
         (unsigned long long)(p->timeout_ns / 1000000), p->batch, p->stack_max);
}

static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* ---- the worker process ---- */
static void stop_worker(plugin *p)
{
    if (p->worker > 0) {
        kill(p->worker, SIGKILL);
        while (waitpid(p->worker, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    if (p->cmd_fd >= 0)
        close(p->cmd_fd);
    if (p->rep_fd >= 0)
        close(p->rep_fd);
    p->worker = -1;
    p->cmd_fd = p->rep_fd = -1;
}

static int start_worker(plugin *p)
{
    int cmd[2], rep[2];
    if (pipe2(cmd, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(rep, O_CLOEXEC) != 0) {
        close(cmd[0]);
        close(cmd[1]);
        return -1;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(cmd[0]);
        close(cmd[1]);
        close(rep[0]);
        close(rep[1]);
        return -1;
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(0);
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGALRM, SIGCHLD, SIGPIPE, SIGUSR1,
                                   SIGUSR2, SIGWINCH};
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
            signal(sigs[i], sigs[i] == SIGINT || sigs[i] == SIGTERM ? SIG_IGN : SIG_DFL);
        /* keep only our pipes (as 3 and 4) and stderr (the log) */
        int a = fcntl(cmd[0], F_DUPFD, 600), b = fcntl(rep[1], F_DUPFD, 600);
        int logfd = p->log_fd >= 0 ? p->log_fd : open("/dev/null", O_WRONLY);
        if (logfd >= 0)
            dup2(logfd, 2);
        int nul = open("/dev/null", O_RDWR);
        if (nul >= 0) {
            dup2(nul, 0);
            dup2(nul, 1);
        }
        if (a < 0 || b < 0 || dup2(a, 3) < 0 || dup2(b, 4) < 0)
            _exit(1);
        for (int fd = 5; fd < 1024; fd++)
            close(fd);
        ch_worker_main(&p->sh, 3, 4);
    }
    close(cmd[0]);
    close(rep[1]);
    p->worker = pid;
    p->cmd_fd = cmd[1];
    p->rep_fd = rep[0];
    p->cur_state = p->cur_state == 1 ? 0 : p->cur_state; /* the parse died with it */
    p->nrec = p->next_rec = 0;
    return 0;
}

/* Blame the step the worker was in when it died or hung. */
static void worker_fault(plugin *p, const char *what)
{
    ch_header *h = p->sh.hdr;
    uint32_t m = h->cur_mutator;
    if (m != CH_IDLE && (int)m < p->nmut) {
        const char *name = ms_registry[m]->name;
        p->faults[m]++;
        plog(p, "worker %s in mutator %s (fault %u)", what, name, p->faults[m]);
        if (p->faults[m] >= p->quarantine_after && h->enabled[m]) {
            h->enabled[m] = 0;
            plog(p, "quarantined mutator %s for the rest of the run after %u faults", name,
                 p->faults[m]);
        }
    } else if (h->phase == CH_PH_PARSE) {
        plog(p, "worker %s while parsing an entry of %zu bytes; using fallback mutations for it",
             what, p->cur_len);
        p->cur_state = -1;
    } else {
        plog(p, "worker %s", what);
    }
    stop_worker(p);
    h->phase = CH_PH_IDLE;
    h->cur_mutator = CH_IDLE;
    p->restarts++;
    if (start_worker(p) != 0)
        plog(p, "cannot restart the worker: %s; fallback mutations only", strerror(errno));
}

/* Send a command to the worker (no waiting). */
static int send_cmd(plugin *p, unsigned char cmd)
{
    if (p->worker <= 0 && start_worker(p) != 0)
        return -1;
    ch_header *h = p->sh.hdr;
    h->phase = CH_PH_IDLE;
    h->cur_mutator = CH_IDLE;
    ssize_t w;
    do {
        w = write(p->cmd_fd, &cmd, 1);
    } while (w < 0 && errno == EINTR);
    if (w != 1) {
        worker_fault(p, "stopped taking commands");
        return -1;
    }
    return 0;
}

/* Wait for the reply to the command in flight, enforcing the time limits. */
static int await_reply(plugin *p, unsigned char expect)
{
    ch_header *h = p->sh.hdr;
    for (;;) {
        struct pollfd pfd = {p->rep_fd, POLLIN, 0};
        int r = poll(&pfd, 1, 10);
        if (r > 0) {
            unsigned char c;
            ssize_t n = read(p->rep_fd, &c, 1);
            if (n == 1 && c == expect)
                return 0;
            if (n < 0 && errno == EINTR)
                continue;
            int st = 0;
            waitpid(p->worker, &st, 0);
            p->worker = -1;
            char what[64];
            if (WIFSIGNALED(st))
                snprintf(what, sizeof what, "crashed (signal %d)", WTERMSIG(st));
            else
                snprintf(what, sizeof what, "exited (status %d)", WEXITSTATUS(st));
            worker_fault(p, what);
            return -1;
        }
        if (r < 0 && errno != EINTR) {
            worker_fault(p, "became unreachable");
            return -1;
        }
        uint32_t phase = h->phase;
        uint64_t limit = phase == CH_PH_PARSE && h->cur_mutator == CH_IDLE ? p->parse_timeout_ns
                                                                            : p->timeout_ns;
        if (phase != CH_PH_IDLE && ch_now_ns() - h->started_ns > limit) {
            worker_fault(p, "timed out");
            return -1;
        }
    }
}

static int request(plugin *p, unsigned char cmd, unsigned char expect)
{
    if (send_cmd(p, cmd) != 0)
        return -1;
    return await_reply(p, expect);
}

/* Finish (and drop) a batch requested ahead, before any other command. */
static void drain(plugin *p)
{
    if (!p->pending)
        return;
    p->pending = 0;
    if (await_reply(p, CH_MUTATED) == 0)
        p->work_ns += p->sh.hdr->busy_ns;
}

/* Ask the worker for a batch of mutants into output half `half`. */
static int send_batch(plugin *p, unsigned half, size_t max_size, unsigned want)
{
    ch_header *h = p->sh.hdr;
    h->seed = next_rand(&p->rng);
    h->batch = want < p->batch ? want : p->batch;
    h->stack_max = p->stack_max;
    h->max_size = max_size;
    h->out_half = half;
    p->asked_max[half & 1] = max_size;
    return send_cmd(p, CH_MUTATE);
}

static int enabled_count(plugin *p)
{
    int n = 0;
    for (int i = 0; i < p->nmut; i++)
        n += p->sh.hdr->enabled[i];
    return n;
}

/* Make sure the worker holds a parse of buf. */
static void ensure_parsed(plugin *p, const unsigned char *buf, size_t size)
{
    uint64_t hash = ms_hash(buf, size);
    if (hash != p->cur_hash || size != p->cur_len) {
        p->cur_hash = hash;
        p->cur_len = size;
        p->cur_state = 0;
        p->nrec = p->next_rec = 0;
    }
    if (p->cur_state != 0)
        return;
    drain(p);
    p->nrec = p->next_rec = 0;
    p->fresh = 1;
    if (size > CH_INPUT_MAX || enabled_count(p) == 0) {
        p->cur_state = -1;
        return;
    }
    memcpy(p->sh.input, buf, size);
    p->sh.hdr->in_len = size;
    if (request(p, CH_PARSE, CH_PARSED) != 0) {
        if (p->cur_state == 0)
            p->cur_state = 0; /* a mutator faulted while counting: try again */
        return;
    }
    ch_header *h = p->sh.hdr;
    p->napplicable = 0;
    for (int i = 0; i < p->nmut; i++)
        p->napplicable += h->enabled[i] && h->nsites[i] > 0;
    p->cur_state = h->parse_ok && p->napplicable > 0 ? 1 : -1;
}


/* ---- AFL++ hooks ---- */
EXPORT void *afl_custom_init(void *afl, unsigned int seed)
{
    (void)afl;
    plugin *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->worker = -1;
    p->cmd_fd = p->rep_fd = -1;
    p->log_fd = -1;
    p->rng = seed;
    const char *log = getenv("MUTSMITH_LOG");
    if (log && *log)
        p->log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (ch_map(&p->sh) != 0) {
        free(p);
        return NULL;
    }
    configure(p);
    if (start_worker(p) != 0)
        plog(p, "cannot start the worker: %s; fallback mutations only", strerror(errno));
    return p;
}

EXPORT unsigned int afl_custom_fuzz_count(void *data, const unsigned char *buf, size_t size)
{
    plugin *p = data;
    ensure_parsed(p, buf, size);
    if (p->cur_state != 1)
        return p->remaining = 16; /* fallback mutations: a few, then let AFL move on */
    unsigned n = (unsigned)p->napplicable * 8u;
    if (n < 16)
        n = 16;
    return p->remaining = n < p->fuzz_count_max ? n : p->fuzz_count_max;
}

static size_t fallback(plugin *p, unsigned char *buf, size_t size, unsigned char **out,
                       size_t max_size)
{
    const char *desc = "fallback";
    size_t n = fb_mutate(buf, size, max_size, &p->rng, &p->fb_buf, &p->fb_cap, &desc);
    if (n == 0) {
        *out = buf;
        return 0;
    }
    snprintf(p->desc, sizeof p->desc, "%s", desc);
    p->fallbacks++;
    *out = p->fb_buf;
    return n;
}

EXPORT size_t afl_custom_fuzz(void *data, unsigned char *buf, size_t size, unsigned char **out,
                              unsigned char *add_buf, size_t add_size, size_t max_size)
{
    (void)add_buf;
    (void)add_size;
    plugin *p = data;
    *out = buf;
    if (p->remaining > 0)
        p->remaining--;
    if (max_size > p->max_seen)
        p->max_seen = max_size;
    ensure_parsed(p, buf, size);
    if (p->cur_state != 1)
        return fallback(p, buf, size, out, max_size);
    ch_header *h = p->sh.hdr;
    if (p->next_rec >= p->nrec) {
        uint64_t t0 = ch_now_ns();
        int rc;
        if (p->pending) { /* requested ahead: usually ready by now */
            p->pending = 0;
            p->half ^= 1;
            rc = await_reply(p, CH_MUTATED);
        } else {
            p->half ^= 1;
            /* the first batch of an entry is small: AFL waits for it, while
             * the next ones are made during the target's runs */
            unsigned want = p->remaining ? p->remaining + 1 : p->batch;
            if (p->fresh && want > 8)
                want = 8;
            rc = send_batch(p, p->half, max_size, want);
            if (rc == 0)
                rc = await_reply(p, CH_MUTATED);
        }
        p->wait_ns += ch_now_ns() - t0;
        if (rc != 0)
            return fallback(p, buf, size, out, max_size); /* worker restarted */
        p->fresh = 0;
        if (h->nout == 0) {
            if (p->asked_max[p->half] >= size)
                p->cur_state = -1; /* nothing applies after all */
            return fallback(p, buf, size, out, max_size);
        }
        p->work_ns += h->busy_ns;
        p->rt_mutants += h->nout;
        p->batches++;
        p->nrec = h->nout;
        p->next_rec = 0;
        p->next_off = 0;
        /* request the next batch now: the worker makes it while AFL runs the
         * target on this one */
        unsigned left = p->remaining + 1 > p->nrec ? p->remaining + 1 - p->nrec : 0;
        if (left > 0 && send_batch(p, p->half ^ 1, p->max_seen, left) == 0)
            p->pending = 1;
    }
    /* the next mutant of the batch that fits max_size */
    unsigned char *base = p->sh.output + (p->half ? CH_OUTPUT_HALF : 0);
    ch_record *rec;
    do {
        if (p->next_rec >= p->nrec)
            return fallback(p, buf, size, out, max_size);
        rec = (ch_record *)(base + p->next_off);
        p->next_off += sizeof *rec + ((rec->len + 7) & ~(uint64_t)7);
        p->next_rec++;
    } while (rec->len > max_size || rec->len == 0);
    memcpy(p->desc, rec->desc, CH_DESC_MAX);
    p->desc[CH_DESC_MAX - 1] = 0;
    p->mutants++;
    *out = (unsigned char *)(rec + 1);
    return (size_t)rec->len;
}

EXPORT const char *afl_custom_describe(void *data, size_t max_len)
{
    plugin *p = data;
    if (max_len > 0 && strlen(p->desc) >= max_len)
        p->desc[max_len - 1] = 0;
    return p->desc[0] ? p->desc : "mutsmith";
}

EXPORT int32_t afl_custom_init_trim(void *data, unsigned char *buf, size_t size)
{
    (void)data;
    (void)buf;
    (void)size;
    return 0; /* no trimming: cutting C source at byte boundaries is useless */
}

EXPORT size_t afl_custom_trim(void *data, unsigned char **out)
{
    (void)data;
    *out = NULL;
    return 0;
}

EXPORT int32_t afl_custom_post_trim(void *data, unsigned char success)
{
    (void)data;
    (void)success;
    return 1;
}

EXPORT void afl_custom_deinit(void *data)
{
    plugin *p = data;
    if (!p)
        return;
    /* what AFL waited for the worker, per mutant, against the worker's work */
    drain(p);
    double wait = p->rt_mutants ? (double)p->wait_ns / (double)p->rt_mutants / 1000.0 : 0;
    double work = p->rt_mutants ? (double)p->work_ns / (double)p->rt_mutants / 1000.0 : 0;
    plog(p,
         "done: %llu mutants, %llu fallbacks, %llu worker restarts; per mutant %.1f us of work "
         "in the worker, %.2f us waited for by afl-fuzz (%.1f%%)",
         (unsigned long long)p->mutants, (unsigned long long)p->fallbacks,
         (unsigned long long)p->restarts, work, wait, work > 0 ? 100.0 * wait / work : 0.0);
    for (int i = 0; i < p->nmut; i++)
        if (!p->sh.hdr->enabled[i] && p->faults[i])
            plog(p, "quarantined: %s (%u faults)", ms_registry[i]->name, p->faults[i]);
    stop_worker(p);
    ch_unmap(&p->sh);
    free(p->fb_buf);
    if (p->log_fd >= 0)
        close(p->log_fd);
    free(p);
}
