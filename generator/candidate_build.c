/*
 * candidate_build.c - cand_compile (candidate.h): an LLM-written mutator
 * source into its own checker binary, every tool run in the sandbox.
 *
 *   NAME.c      -> NAME.o       the project's warnings, -Werror, ASan+UBSan
 *                                (build/candidate.mk, written by make)
 *   registry.def = X(NAME)      a one-entry registry: mutators/core/registry.c
 *   registry.c  -> registry.o    compiled with -I workdir
 *   nm NAME.o                   shape and symbol checks (below)
 *   registry.o NAME.o main.o libmutsmith.a -> check     (asan build objects)
 *
 * registry.o comes first, so the archive's own registry.o (and with it the
 * library's mutators) is never pulled in: a candidate named like a library
 * mutator replaces it in this binary instead of clashing with it.
 *
 * The symbol checks: NAME.o must define ms_mutator_NAME and no other
 * external symbol (helpers are static; this also stops a candidate from
 * interposing malloc or a framework function); NotCompile otherwise. Its
 * undefined symbols must be the framework's (ms_*), libclang's (clang_*),
 * the sanitizers' or on the list of libc functions that only compute or
 * allocate; anything else (files, processes, network, time, ...) makes the
 * verdict Forbidden, with the offending names as evidence.
 */
#include "candidate.h"
#include "candidate_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COMPILE_WALL_S 120

/* libc functions a mutator may call: strings, memory, characters, numbers
 * from text, sorting, allocation (leaks are caught in validation) */
static const char *const allowed_libc[] = {
    "abort", "abs", "bsearch", "calloc", "free", "labs", "llabs", "malloc", "memchr", "memcmp",
    "memcpy", "memmove", "memrchr", "memset", "qsort", "realloc", "snprintf", "vsnprintf",
    "sscanf", "__isoc99_sscanf", "stpcpy", "strcasecmp", "strcat", "strchr", "strcmp",
    "strcpy", "strcspn", "strdup", "strlen", "strncasecmp", "strncat", "strncmp", "strncpy",
    "strndup", "strnlen", "strpbrk", "strrchr", "strspn", "strstr", "strtod", "strtof",
    "strtok_r", "strtol", "strtoll", "strtoul", "strtoull", "isalnum", "isalpha", "iscntrl",
    "isdigit", "isgraph", "islower", "isprint", "ispunct", "isspace", "isupper", "isxdigit",
    "tolower", "toupper", "__ctype_b_loc", "__ctype_tolower_loc", "__ctype_toupper_loc",
    "__assert_fail", "__stack_chk_fail", "__memcpy_chk", "__memmove_chk", "__memset_chk",
    "__snprintf_chk", "__vsnprintf_chk", "__strcpy_chk", "__strncpy_chk", "__strcat_chk",
    "__stpcpy_chk", "_GLOBAL_OFFSET_TABLE_", NULL};

static const char *const allowed_prefix[] = {"ms_",      "clang_",        "__asan_",
                                             "__ubsan_", "__sanitizer_", "__lsan_", NULL};

/* why a forbidden name is forbidden, for the evidence */
static const struct {
    const char *what;
    const char *const names[40];
} forbidden_kinds[] = {
    {"network",
     {"socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "send",
      "sendto", "sendmsg", "recv", "recvfrom", "recvmsg", "getaddrinfo", "gethostbyname",
      "curl_easy_init", NULL}},
    {"processes",
     {"system", "popen", "fork", "vfork", "clone", "execl", "execlp", "execle", "execv",
      "execvp", "execvpe", "execve", "fexecve", "posix_spawn", "posix_spawnp", "kill", "raise",
      "daemon", "dlopen", "dlsym", "syscall", "ptrace", "signal", "sigaction", NULL}},
    {"files",
     {"fopen", "fopen64", "fdopen", "freopen", "open", "open64", "openat", "creat", "unlink",
      "unlinkat", "remove", "rename", "renameat", "mkdir", "rmdir", "truncate", "ftruncate",
      "write", "read", "fwrite", "fread", "fprintf", "printf", "puts", "fputs", "fputc",
      "putchar", "opendir", "symlink", "link", "chmod", "chown", "tmpfile", "mkstemp", "dup2",
      "close", "mmap", "getenv", NULL}},
    {"time or randomness outside the context",
     {"time", "clock", "clock_gettime", "gettimeofday", "rand", "srand", "random", "getrandom",
      NULL}},
};

static int allowed(const char *sym)
{
    for (int i = 0; allowed_prefix[i]; i++)
        if (strncmp(sym, allowed_prefix[i], strlen(allowed_prefix[i])) == 0)
            return 1;
    for (int i = 0; allowed_libc[i]; i++)
        if (strcmp(sym, allowed_libc[i]) == 0)
            return 1;
    return 0;
}

static const char *forbidden_kind(const char *sym)
{
    for (size_t k = 0; k < sizeof forbidden_kinds / sizeof forbidden_kinds[0]; k++)
        for (int i = 0; forbidden_kinds[k].names[i]; i++)
            if (strcmp(sym, forbidden_kinds[k].names[i]) == 0)
                return forbidden_kinds[k].what;
    return "not a function mutators may call";
}

typedef struct job {
    const cand_env *env;
    const char *name;
    char *work, *src, *bld; /* absolute */
    char *cflags, *ldlibs, *llvm_cflags;
    cand_build *b;
} job;

static void set_errors(job *j, const char *text)
{
    free(j->b->errors);
    j->b->errors = strdup(text);
    j->b->ok = 0;
}

/* errors of a failed tool run, paths of this machine removed */
static void tool_errors(job *j, const sb_result *r, const char *tool)
{
    const char *pre[] = {j->work, j->src, j->bld};
    char *clean = cand_unpath(r->out ? r->out : "", pre, 3);
    char *picked = cand_pick_errors(clean, 3, 25, 3072);
    gbuf b = {0};
    if (r->timed_out)
        gbuf_printf(&b, "%s did not finish within %d s\n", tool, COMPILE_WALL_S);
    if (picked) {
        gbuf_puts(&b, picked);
    } else {
        /* no diagnostic line: the end of the output says what happened */
        size_t len = strlen(clean);
        const char *tail = len > 1024 ? clean + len - 1024 : clean;
        if (!r->timed_out)
            gbuf_printf(&b, "%s failed (%s %d):\n", tool, r->exited ? "exit status" : "signal",
                        r->exited ? r->status : r->signal);
        cand_clip_add(&b, tail, 25, 3072);
    }
    char *text = gbuf_take(&b);
    set_errors(j, text);
    free(text);
    free(picked);
    free(clean);
}

/* Run one tool in the workdir; 1 succeeded, 0 failed (errors set), -1 could
 * not run at all. */
static int tool(job *j, cand_argv *a, const char *what, char *err, size_t errlen)
{
    sb_result r;
    if (cand_run(j->work, a->v, COMPILE_WALL_S, 0, &r) != 0) {
        snprintf(err, errlen, "cannot run %s: %s", a->v[0], strerror(errno));
        return -1;
    }
    int ok = r.exited && r.status == 0;
    if (!ok) {
        if (r.exited && (r.status == 126 || r.status == 127) &&
            strncmp(r.out, "sandbox: ", 9) == 0) {
            snprintf(err, errlen, "%s", r.out);
            sb_result_free(&r);
            return -1;
        }
        tool_errors(j, &r, what);
    }
    sb_result_free(&r);
    return ok;
}

static void compile_args(job *j, cand_argv *a)
{
    cav_push(a, j->env->cc ? j->env->cc : "cc");
    cav_split(a, j->cflags);
    cav_push(a, "-fdiagnostics-color=never");
    gbuf p = {0};
    gbuf_printf(&p, "-I%s/mutators/core", j->src);
    char *inc = gbuf_take(&p);
    cav_push(a, inc);
    free(inc);
    cav_split(a, j->llvm_cflags);
}

/* nm -P NAME.o: shape and symbol checks. 1 fine, 0 refused (errors set). */
static int check_symbols(job *j, char *err, size_t errlen)
{
    char obj[128];
    snprintf(obj, sizeof obj, "%s.o", j->name);
    char *const argv[] = {"nm", "-P", obj, NULL};
    sb_result r;
    if (cand_run(j->work, argv, 60, 0, &r) != 0) {
        snprintf(err, errlen, "cannot run nm: %s", strerror(errno));
        return -1;
    }
    if (!r.exited || r.status != 0) {
        snprintf(err, errlen, "nm %s failed: %.200s", obj, r.out);
        sb_result_free(&r);
        return -1;
    }
    char want[128];
    snprintf(want, sizeof want, "ms_mutator_%s", j->name);
    int has_descriptor = 0;
    gbuf extern_defs = {0}, bad = {0};
    int nbad = 0, next = 0;
    char *save = NULL;
    for (char *line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char sym[256], type[8];
        if (sscanf(line, "%255s %7s", sym, type) != 2)
            continue;
        char t = type[0];
        if (t == 'U') {
            if (!allowed(sym)) {
                gbuf_printf(&bad, "%s%s (%s)", nbad ? ", " : "", sym, forbidden_kind(sym));
                nbad++;
            }
        } else if (t >= 'A' && t <= 'Z' && t != 'N') {
            if (strcmp(sym, want) == 0)
                has_descriptor = 1;
            else if (strncmp(sym, "__odr_asan", 10) != 0 && next < 5)
                gbuf_printf(&extern_defs, "%s%s", next++ ? ", " : "", sym);
        }
    }
    sb_result_free(&r);
    int rc = 1;
    gbuf e = {0};
    if (nbad) {
        gbuf_printf(&e,
                    "Forbidden: %s.c calls %s.\nA mutator may only call the framework (ms_*), "
                    "libclang (clang_*) and libc's string, memory, character and allocation "
                    "functions; it must not touch files, processes or the network.\n",
                    j->name, bad.s);
        j->b->forbidden = 1;
        rc = 0;
    } else if (!has_descriptor) {
        gbuf_printf(&e,
                    "%s.c: error: no descriptor ms_mutator_%s: the file must end with "
                    "MS_MUTATOR(%s, \"One sentence.\", 0)\n",
                    j->name, j->name, j->name);
        rc = 0;
    } else if (next) {
        gbuf_printf(&e,
                    "%s.c: error: %s must be static: a mutator file defines only its "
                    "descriptor (MS_MUTATOR)\n",
                    j->name, extern_defs.s);
        rc = 0;
    }
    if (!rc) {
        char *text = gbuf_take(&e);
        set_errors(j, text);
        free(text);
    }
    gbuf_free(&e);
    gbuf_free(&bad);
    gbuf_free(&extern_defs);
    return rc;
}

static int build(job *j, char *err, size_t errlen)
{
    char obj[128], srcf[128];
    snprintf(obj, sizeof obj, "%s.o", j->name);
    snprintf(srcf, sizeof srcf, "%s.c", j->name);
    unlink(j->b->exe);

    /* the candidate */
    cand_argv a = {0};
    compile_args(j, &a);
    cav_push(&a, "-c");
    cav_push(&a, srcf);
    cav_push(&a, "-o");
    cav_push(&a, obj);
    int rc = tool(j, &a, "the compiler", err, errlen);
    cav_free(&a);
    if (rc <= 0)
        return rc;

    /* its one-entry registry */
    gbuf p = {0};
    gbuf_printf(&p, "%s/registry.def", j->work);
    char *def = gbuf_take(&p);
    gbuf_printf(&p, "X(%s)\n", j->name);
    char *line = gbuf_take(&p);
    int wrc = gen_write_atomic(def, line, strlen(line));
    free(def);
    free(line);
    if (wrc != 0) {
        snprintf(err, errlen, "cannot write %s/registry.def: %s", j->work, strerror(errno));
        return -1;
    }
    compile_args(j, &a);
    cav_push(&a, "-I.");
    cav_push(&a, "-c");
    gbuf_printf(&p, "%s/mutators/core/registry.c", j->src);
    char *reg = gbuf_take(&p);
    cav_push(&a, reg);
    free(reg);
    cav_push(&a, "-o");
    cav_push(&a, "registry.o");
    rc = tool(j, &a, "the compiler (registry)", err, errlen);
    cav_free(&a);
    if (rc <= 0)
        return rc;

    rc = check_symbols(j, err, errlen);
    if (rc <= 0)
        return rc;

    /* link: registry.o first, so the archive's registry is not pulled */
    cav_push(&a, j->env->cc ? j->env->cc : "cc");
    cav_split(&a, j->cflags);
    cav_push(&a, "registry.o");
    cav_push(&a, obj);
    gbuf_printf(&p, "%s/asan/mutators/tool/main.o", j->bld);
    char *mainobj = gbuf_take(&p);
    cav_push(&a, mainobj);
    free(mainobj);
    gbuf_printf(&p, "%s/asan/libmutsmith.a", j->bld);
    char *lib = gbuf_take(&p);
    cav_push(&a, lib);
    free(lib);
    cav_push(&a, "-o");
    cav_push(&a, "check");
    cav_split(&a, j->ldlibs);
    rc = tool(j, &a, "the linker", err, errlen);
    cav_free(&a);
    if (rc <= 0)
        return rc;
    j->b->ok = 1;
    return 0;
}

int cand_compile(const cand_env *env, const char *name, const char *workdir, cand_build *b,
                 char *err, size_t errlen)
{
    memset(b, 0, sizeof *b);
    job j = {.env = env, .name = name, .b = b};
    int rc = -1;
    if (!gen_valid_name(name)) {
        snprintf(err, errlen, "'%s' is not a valid mutator name", name);
        return -1;
    }
    j.work = realpath(workdir, NULL);
    j.src = realpath(env->src_root, NULL);
    j.bld = realpath(env->build_dir, NULL);
    if (!j.work || !j.src || !j.bld) {
        snprintf(err, errlen, "cannot find %s", !j.work ? workdir
                                                 : !j.src ? env->src_root
                                                          : env->build_dir);
        goto out;
    }
    gbuf p = {0};
    gbuf_printf(&p, "%s/candidate.mk", j.bld);
    char *cmk = gbuf_take(&p);
    gbuf_printf(&p, "%s/config.mk", j.bld);
    char *config = gbuf_take(&p);
    j.cflags = cand_mk_var(cmk, "CAND_CFLAGS");
    j.ldlibs = cand_mk_var(cmk, "CAND_LDLIBS");
    j.llvm_cflags = cand_mk_var(config, "LLVM_CFLAGS");
    free(cmk);
    free(config);
    if (!j.cflags || !j.ldlibs || !j.llvm_cflags) {
        snprintf(err, errlen, "%s/candidate.mk or config.mk is missing or incomplete: run make",
                 env->build_dir);
        goto out;
    }
    const char *need[] = {"asan/libmutsmith.a", "asan/mutators/tool/main.o"};
    for (int i = 0; i < 2; i++) {
        char *f = gen_path(j.bld, need[i]);
        int there = gen_exists(f);
        free(f);
        if (!there) {
            snprintf(err, errlen, "%s/%s is missing: run make build/asan/mutsmith",
                     env->build_dir, need[i]);
            goto out;
        }
    }
    snprintf(b->exe, sizeof b->exe, "%s/check", j.work);
    rc = build(&j, err, errlen);
out:
    free(j.work);
    free(j.src);
    free(j.bld);
    free(j.cflags);
    free(j.ldlibs);
    free(j.llvm_cflags);
    return rc;
}

void cand_build_free(cand_build *b)
{
    if (!b)
        return;
    free(b->errors);
    b->errors = NULL;
}
