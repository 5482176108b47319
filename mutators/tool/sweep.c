/*
 * sweep.c - the validation sweep behind `mutsmith check` and the generator.
 *
 * Phase 1 finds out, per file, whether the input itself compiles (a child per
 * file, so a file that crashes libclang cannot take the sweep down). Phase 2
 * runs one child per (mutator, file): it parses once, then for each seed runs
 * the mutator, compares the output with the input and, when the input was
 * valid, re-parses the mutant (libclang with the same arguments, i.e. what
 * `clang -fsyntax-only` checks). Children write per-seed results into shared
 * memory, so a crash or a hang loses nothing that was already measured: the
 * parent knows exactly which seed crashed or stopped making progress.
 *
 * With leak_check (ASan builds) the child asks LeakSanitizer after each
 * call whether memory was left allocated (children leave with _exit, which
 * skips the check at exit). Problems are kept per kind at their first
 * (file, seed), so the report is the same however the children interleave.
 */
#include "sweep.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#define MAX_SEEDS 64

typedef struct seed_result {
    int status;  /* MS_MUTATED, MS_SKIP, MS_ERROR */
    int changed; /* output differs from input */
    int valid;   /* -1 not checked, 0 invalid, 1 valid */
    double us;
} seed_result;

typedef struct slot {
    volatile int seeds_done;
    volatile double progress_us; /* when the current seed started */
    volatile int input_valid;     /* phase 1 */
    volatile int parse_failed;
    volatile int leaked; /* the seed seeds_done - 1 left memory allocated */
    seed_result seed[MAX_SEEDS];
} slot;

typedef struct job {
    int mut;  /* -1: phase 1 input check */
    int file;
} job;

typedef struct sweep {
    const ms_mutator *const *muts;
    const ms_sweep_opts *o;
    char **bufs;
    size_t *lens;
    int *input_valid;
    slot *slots; /* o->jobs shared slots */
    pid_t *pids;
    job *running;
    int *killed;
} sweep;

const char *ms_verdict_name(ms_verdict v)
{
    static const char *const names[] = {"OK",    "NoChange", "ApplyFail", "InvalidChange",
                                        "Crash", "Hang",     "Error",     "Leak"};
    return (unsigned)v < sizeof names / sizeof names[0] ? names[v] : "?";
}

static double now_us(void)
{
    return ms_now_us();
}

int ms_sweep_can_check_leaks(void)
{
#ifdef HAVE_LSAN
    return 1;
#else
    return 0;
#endif
}

/* 1 when memory is left allocated that nothing points to (report on stderr) */
static int leaks_now(void)
{
#ifdef HAVE_LSAN
    return __lsan_do_recoverable_leak_check() != 0;
#else
    return 0;
#endif
}

/* ---- the child's work ---- */
static void child_input_check(sweep *sw, const job *j, slot *s)
{
    s->progress_us = now_us();
    ms_unit *u;
    if (ms_unit_parse(&u, sw->bufs[j->file], sw->lens[j->file], &sw->o->parse, NULL, 0) !=
        MS_PARSE_OK) {
        s->parse_failed = 1;
        return;
    }
    s->input_valid = ms_unit_errors(u) == 0;
    ms_unit_free(u);
}

static void child_mutate(sweep *sw, const job *j, slot *s)
{
    const ms_sweep_opts *o = sw->o;
    const ms_mutator *m = sw->muts[j->mut];
    s->progress_us = now_us();
    ms_unit *u;
    if (ms_unit_parse(&u, sw->bufs[j->file], sw->lens[j->file], &o->parse, NULL, 0) !=
        MS_PARSE_OK) {
        s->parse_failed = 1;
        return;
    }
    size_t srclen;
    const char *src = ms_unit_source(u, &srclen);
    uint64_t seen_hash[MAX_SEEDS];
    int seen_valid[MAX_SEEDS], nseen = 0;
    for (int i = 0; i < o->seeds && i < MAX_SEEDS; i++) {
        s->progress_us = now_us();
        seed_result *r = &s->seed[i];
        ms_run_opts ro = {o->base_seed + (unsigned long long)i, -1, 0};
        ms_run_result rr;
        double t0 = now_us();
        ms_run(u, m, &ro, &rr);
        r->us = now_us() - t0;
        r->status = rr.status;
        r->valid = -1;
        if (rr.status == MS_MUTATED) {
            r->changed = !(rr.outlen == srclen && memcmp(rr.out, src, srclen) == 0);
            if (r->changed && sw->input_valid[j->file] == 1) {
                uint64_t h = ms_hash(rr.out, rr.outlen);
                int k;
                for (k = 0; k < nseen && seen_hash[k] != h; k++)
                    ;
                if (k < nseen) {
                    r->valid = seen_valid[k];
                } else {
                    r->valid = ms_syntax_ok(rr.out, rr.outlen, &o->parse);
                    seen_hash[nseen] = h;
                    seen_valid[nseen++] = r->valid;
                }
            }
            free(rr.out);
        }
        s->seeds_done = i + 1;
        if (o->leak_check && leaks_now()) {
            s->leaked = 1;
            break;
        }
    }
    ms_unit_free(u);
}

/* ---- the parent: scheduling, time limits, aggregation ---- */
static void start_job(sweep *sw, int slot_i, const job *j)
{
    slot *s = &sw->slots[slot_i];
    memset(s, 0, sizeof *s);
    s->progress_us = now_us();
    sw->running[slot_i] = *j;
    sw->killed[slot_i] = 0;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        if (j->mut < 0)
            child_input_check(sw, j, s);
        else
            child_mutate(sw, j, s);
        _exit(0);
    }
    if (pid < 0) {
        /* cannot fork: record as an internal error of this job */
        s->parse_failed = 1;
        sw->pids[slot_i] = 0;
        return;
    }
    sw->pids[slot_i] = pid;
}

/* keep the problem of this kind at the smallest (file, seed) */
static void note_problem(ms_sweep_stats *st, int kind, int file, int seed_i,
                         unsigned long long base, const char *what)
{
    unsigned long long seed = base + (unsigned long long)seed_i;
    if (st->problem[kind].file >= 0 &&
        (st->problem[kind].file < file ||
         (st->problem[kind].file == file && st->problem[kind].seed <= seed)))
        return;
    st->problem[kind].file = file;
    st->problem[kind].seed = seed;
    snprintf(st->problem[kind].what, sizeof st->problem[kind].what, "%s", what);
}

static void finish_job(sweep *sw, int slot_i, int wstatus, ms_sweep_stats *stats)
{
    const job *j = &sw->running[slot_i];
    slot *s = &sw->slots[slot_i];
    const ms_sweep_opts *o = sw->o;
    int abnormal = sw->killed[slot_i] || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0;
    if (j->mut < 0) {
        sw->input_valid[j->file] = abnormal || s->parse_failed ? -1 : s->input_valid;
        return;
    }
    ms_sweep_stats *st = &stats[j->mut];
    int file = j->file;
    int nseeds = o->seeds < MAX_SEEDS ? o->seeds : MAX_SEEDS;
    st->files++;
    int applicable = 0;
    for (int i = 0; i < s->seeds_done && i < nseeds; i++) {
        const seed_result *r = &s->seed[i];
        st->runs++;
        if (r->status == MS_SKIP) {
            st->skipped++;
        } else if (r->status == MS_ERROR) {
            st->errors++;
            applicable = 1;
            note_problem(st, MS_P_ERROR, file, i, o->base_seed, "mutator reported an error");
        } else if (!r->changed) {
            st->nochange++;
            applicable = 1;
            note_problem(st, MS_P_NOCHANGE, file, i, o->base_seed,
                         "returned MS_MUTATED but the output equals the input");
        } else {
            st->mutated++;
            applicable = 1;
            st->us_total += r->us;
            if (r->valid >= 0) {
                st->checked++;
                st->valid += r->valid;
                if (!r->valid && !(sw->muts[j->mut]->flags & MS_F_INVALID))
                    note_problem(st, MS_P_INVALID, file, i, o->base_seed,
                                 "mutant does not compile");
            }
        }
    }
    if (s->leaked && s->seeds_done > 0) {
        st->leaks++;
        note_problem(st, MS_P_LEAK, file, s->seeds_done - 1, o->base_seed,
                     "memory left allocated after the call (LeakSanitizer)");
    }
    if (abnormal && !s->parse_failed && s->seeds_done < nseeds && !s->leaked) {
        st->runs++;
        char what[96];
        int kind;
        if (sw->killed[slot_i]) {
            st->hangs++;
            kind = MS_P_HANG;
            snprintf(what, sizeof what, "no result within %.1f s", o->timeout_s);
        } else {
            st->crashes++;
            kind = MS_P_CRASH;
            if (WIFSIGNALED(wstatus))
                snprintf(what, sizeof what, "crashed with signal %d (%s)", WTERMSIG(wstatus),
                         strsignal(WTERMSIG(wstatus)));
            else
                snprintf(what, sizeof what, "exited with status %d", WEXITSTATUS(wstatus));
        }
        note_problem(st, kind, file, s->seeds_done, o->base_seed, what);
    }
    st->files_applicable += applicable;
}

static int run_jobs(sweep *sw, const job *jobs, int njobs, ms_sweep_stats *stats,
                    const char *phase)
{
    const ms_sweep_opts *o = sw->o;
    int next = 0, running = 0, done = 0;
    double last_report = 0;
    for (int i = 0; i < o->jobs; i++)
        sw->pids[i] = 0;
    while (next < njobs || running > 0) {
        for (int i = 0; i < o->jobs && next < njobs; i++) {
            if (sw->pids[i] != 0)
                continue;
            if (o->fail_fast && jobs[next].mut >= 0) {
                const ms_sweep_stats *st = &stats[jobs[next].mut];
                if (st->crashes || st->hangs || st->leaks) {
                    next++;
                    done++;
                    i--; /* this slot is still free */
                    continue;
                }
            }
            start_job(sw, i, &jobs[next++]);
            if (sw->pids[i] == 0) {
                finish_job(sw, i, 0, stats);
                done++;
            } else {
                running++;
            }
        }
        int wstatus;
        pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid > 0) {
            for (int i = 0; i < o->jobs; i++) {
                if (sw->pids[i] == pid) {
                    finish_job(sw, i, wstatus, stats);
                    sw->pids[i] = 0;
                    running--;
                    done++;
                    break;
                }
            }
            continue;
        }
        if (pid < 0 && errno == ECHILD && running > 0)
            running = 0; /* should not happen; avoid spinning */
        double t = now_us();
        for (int i = 0; i < o->jobs; i++) {
            if (sw->pids[i] > 0 && !sw->killed[i] &&
                t - sw->slots[i].progress_us > o->timeout_s * 1e6) {
                sw->killed[i] = 1;
                kill(sw->pids[i], SIGKILL);
            }
        }
        if (o->progress && t - last_report > 500e3) {
            fprintf(stderr, "\r  %s: %d/%d", phase, done, njobs);
            last_report = t;
        }
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    if (o->progress)
        fprintf(stderr, "\r  %s: %d/%d\n", phase, done, njobs);
    return 0;
}

static void give_verdict(ms_sweep_stats *st, const ms_sweep_opts *o)
{
    if (st->crashes)
        st->verdict = MS_V_CRASH;
    else if (st->hangs)
        st->verdict = MS_V_HANG;
    else if (st->leaks)
        st->verdict = MS_V_LEAK;
    else if (st->mutated == 0)
        st->verdict = st->errors ? MS_V_ERROR : st->nochange ? MS_V_NOCHANGE : MS_V_APPLYFAIL;
    else if (2 * st->nochange >= st->mutated + st->nochange)
        st->verdict = MS_V_NOCHANGE;
    else if (2 * st->errors >= st->runs - st->skipped)
        st->verdict = MS_V_ERROR;
    else if (!(st->m->flags & MS_F_INVALID) && st->checked > 0 &&
             (double)st->valid < o->min_validity * (double)st->checked)
        st->verdict = MS_V_INVALIDCHANGE;
    else
        st->verdict = MS_V_OK;
    /* the first problem of the verdict's kind, else the most serious one */
    int kind = -1;
    switch (st->verdict) {
    case MS_V_CRASH: kind = MS_P_CRASH; break;
    case MS_V_HANG: kind = MS_P_HANG; break;
    case MS_V_LEAK: kind = MS_P_LEAK; break;
    case MS_V_ERROR: kind = MS_P_ERROR; break;
    case MS_V_INVALIDCHANGE: kind = MS_P_INVALID; break;
    case MS_V_NOCHANGE: kind = MS_P_NOCHANGE; break;
    default: break;
    }
    if (kind < 0 || st->problem[kind].file < 0)
        for (kind = 0; kind < MS_P_COUNT && st->problem[kind].file < 0; kind++)
            ;
    st->first_problem[0] = '\0';
    st->first_kind = kind < MS_P_COUNT ? kind : -1;
    if (kind < MS_P_COUNT)
        snprintf(st->first_problem, sizeof st->first_problem, "%s (seed %llu): %s",
                 o->files[st->problem[kind].file], st->problem[kind].seed,
                 st->problem[kind].what);
}

int ms_sweep(const ms_mutator *const *muts, int nmuts, const ms_sweep_opts *opts,
             ms_sweep_stats *stats)
{
    ms_sweep_opts o = *opts;
    if (o.seeds <= 0)
        o.seeds = 3;
    if (o.seeds > MAX_SEEDS)
        o.seeds = MAX_SEEDS;
    if (o.jobs <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = n > 0 ? (int)n : 1;
    }
    if (o.timeout_s <= 0)
        o.timeout_s = 10;
    int rc = -1;
    sweep sw;
    memset(&sw, 0, sizeof sw);
    sw.muts = muts;
    sw.o = &o;
    sw.bufs = calloc((size_t)o.nfiles + 1, sizeof *sw.bufs);
    sw.lens = calloc((size_t)o.nfiles + 1, sizeof *sw.lens);
    sw.input_valid = calloc((size_t)o.nfiles + 1, sizeof *sw.input_valid);
    sw.pids = calloc((size_t)o.jobs, sizeof *sw.pids);
    sw.running = calloc((size_t)o.jobs, sizeof *sw.running);
    sw.killed = calloc((size_t)o.jobs, sizeof *sw.killed);
    size_t jobs_n = (size_t)o.nfiles * (size_t)(nmuts + 1) + 1;
    job *jobs = calloc(jobs_n, sizeof *jobs);
    sw.slots = mmap(NULL, (size_t)o.jobs * sizeof(slot), PROT_READ | PROT_WRITE,
                    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sw.slots == MAP_FAILED)
        sw.slots = NULL;
    if (!sw.bufs || !sw.lens || !sw.input_valid || !sw.pids || !sw.running || !sw.killed ||
        !jobs || !sw.slots) {
        fprintf(stderr, "mutsmith: out of memory setting up the sweep\n");
        goto out;
    }
    for (int f = 0; f < o.nfiles; f++) {
        FILE *fp = fopen(o.files[f], "rb");
        if (!fp) {
            fprintf(stderr, "mutsmith: cannot open %s: %s\n", o.files[f], strerror(errno));
            goto out;
        }
        fseek(fp, 0, SEEK_END);
        long sz = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        sw.bufs[f] = malloc(sz > 0 ? (size_t)sz + 1 : 1);
        sw.lens[f] = sz > 0 ? fread(sw.bufs[f], 1, (size_t)sz, fp) : 0;
        fclose(fp);
        sw.bufs[f][sw.lens[f]] = '\0';
    }
    for (int i = 0; i < nmuts; i++) {
        memset(&stats[i], 0, sizeof stats[i]);
        stats[i].m = muts[i];
        for (int k = 0; k < MS_P_COUNT; k++)
            stats[i].problem[k].file = -1;
    }
    int nj = 0;
    for (int f = 0; f < o.nfiles; f++)
        jobs[nj++] = (job){-1, f};
    run_jobs(&sw, jobs, nj, stats, "checking inputs");
    nj = 0;
    for (int i = 0; i < nmuts; i++)
        for (int f = 0; f < o.nfiles; f++)
            jobs[nj++] = (job){i, f};
    run_jobs(&sw, jobs, nj, stats, "mutating");
    for (int i = 0; i < nmuts; i++)
        give_verdict(&stats[i], &o);
    rc = 0;
out:
    if (sw.bufs)
        for (int f = 0; f < o.nfiles; f++)
            free(sw.bufs[f]);
    free(sw.bufs);
    free(sw.lens);
    free(sw.input_valid);
    free(sw.pids);
    free(sw.running);
    free(sw.killed);
    free(jobs);
    if (sw.slots)
        munmap(sw.slots, (size_t)o.jobs * sizeof(slot));
    return rc;
}

static double pct(int a, int b)
{
    return b > 0 ? 100.0 * a / b : 0.0;
}

void ms_sweep_print_table(FILE *f, const ms_sweep_stats *s, int n)
{
    fprintf(f, "%-28s %-13s %7s %8s %7s %6s %5s %5s %5s %8s\n", "mutator", "verdict", "applic",
            "mutated", "valid", "nochg", "err", "crash", "hang", "us/mut");
    int mut = 0, chk = 0, val = 0, count[MS_V_LEAK + 1] = {0};
    for (int i = 0; i < n; i++) {
        const ms_sweep_stats *x = &s[i];
        char valid[16] = "-";
        if (x->checked)
            snprintf(valid, sizeof valid, "%.1f%%", pct(x->valid, x->checked));
        fprintf(f, "%-28s %-13s %6.1f%% %8d %7s %6d %5d %5d %5d %8.1f%s\n", x->m->name,
                ms_verdict_name(x->verdict), pct(x->files_applicable, x->files), x->mutated,
                valid, x->nochange, x->errors, x->crashes, x->hangs,
                x->mutated ? x->us_total / x->mutated : 0.0,
                (x->m->flags & MS_F_INVALID) ? "  [invalid by design]" : "");
        count[x->verdict]++;
        if (!(x->m->flags & MS_F_INVALID)) {
            mut += x->mutated;
            chk += x->checked;
            val += x->valid;
        }
    }
    fprintf(f, "\n%d mutators:", n);
    for (int v = 0; v <= MS_V_LEAK; v++)
        if (count[v])
            fprintf(f, " %d %s", count[v], ms_verdict_name((ms_verdict)v));
    fprintf(f, "\n%d mutations; %d of %d mutants of valid inputs compile (%.1f%%), "
               "mutators invalid by design excluded\n",
            mut, val, chk, pct(val, chk));
    for (int i = 0; i < n; i++)
        if (s[i].verdict != MS_V_OK && s[i].first_problem[0])
            fprintf(f, "  %s: %s\n", s[i].m->name, s[i].first_problem);
}

/* a JSON string: file names and messages may hold quotes or backslashes */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', f);
        if ((unsigned char)*p >= 0x20)
            fputc(*p, f);
    }
    fputc('"', f);
}

void ms_sweep_print_json(FILE *f, const ms_sweep_stats *s, int n, const ms_sweep_opts *o)
{
    fprintf(f, "{\n  \"files\": %d, \"seeds\": %d, \"base_seed\": %llu,\n  \"mutators\": [\n",
            o->nfiles, o->seeds, o->base_seed);
    for (int i = 0; i < n; i++) {
        const ms_sweep_stats *x = &s[i];
        fprintf(f,
                "    {\"name\": \"%s\", \"verdict\": \"%s\", \"invalid_by_design\": %s, "
                "\"files\": %d, \"files_applicable\": %d, \"runs\": %d, \"mutated\": %d, "
                "\"nochange\": %d, \"skipped\": %d, \"errors\": %d, \"crashes\": %d, "
                "\"hangs\": %d, \"leaks\": %d, \"checked\": %d, \"valid\": %d, "
                "\"us_per_mutation\": %.2f, \"first_problem\": ",
                x->m->name, ms_verdict_name(x->verdict),
                (x->m->flags & MS_F_INVALID) ? "true" : "false", x->files, x->files_applicable,
                x->runs, x->mutated, x->nochange, x->skipped, x->errors, x->crashes, x->hangs,
                x->leaks, x->checked, x->valid, x->mutated ? x->us_total / x->mutated : 0.0);
        json_str(f, x->first_problem);
        if (x->first_kind >= 0) {
            fputs(", \"problem_file\": ", f);
            json_str(f, o->files[x->problem[x->first_kind].file]);
            fprintf(f, ", \"problem_seed\": %llu, \"problem_what\": ",
                    x->problem[x->first_kind].seed);
            json_str(f, x->problem[x->first_kind].what);
        }
        fprintf(f, "}%s\n", i + 1 < n ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
}
