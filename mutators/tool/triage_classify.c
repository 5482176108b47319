/*
 * triage_classify.c - the crash oracle of `mutsmith triage`: real crash, real
 * hang or false positive, and the normalised signature that buckets real
 * crashes (rules in triage_classify.h).
 */
#include "triage_classify.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 512
#define TOP_FRAMES 3
#define SIGNAL_FRAMES 8 /* a libc frame this high up is the signal trampoline */
#define MAX_SIG_PART 400

void ms_tri_verdict_free(ms_tri_verdict *v)
{
    if (!v)
        return;
    free(v->signature);
    v->signature = NULL;
}

static int is_ident(int ch)
{
    return isalnum((unsigned char)ch) || ch == '_';
}

int ms_tri_has_debug_pragma(const char *text, size_t len)
{
    /* remove backslash-newline splices, as translation phase 2 does */
    char *s = malloc(len + 1);
    if (!s)
        return 1; /* cannot tell: safer to discard */
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\\') {
            size_t j = i + 1;
            if (j < len && text[j] == '\r')
                j++;
            if (j < len && text[j] == '\n') {
                i = j;
                continue;
            }
        }
        s[n++] = text[i] ? text[i] : ' ';
    }
    s[n] = '\0';
    int found = 0;
    for (const char *p = s; !found && (p = strstr(p, "__debug")) != NULL; p += 7) {
        const char *q = p;
        while (q > s && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        found = q - s >= 5 && q < p && !strncmp(q - 5, "clang", 5) &&
                (q - 5 == s || !is_ident(q[-6]));
    }
    free(s);
    return found;
}

/* ---- small string helpers ---- */

typedef struct sbuf {
    char *s;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 128;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *ns = realloc(b->s, nc);
        if (!ns) {
            b->oom = 1;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

/* One line: control characters become spaces, runs of spaces collapse,
 * trimmed, at most max bytes (then "..."). */
static void sb_put_clean(sbuf *b, const char *s, size_t n, size_t max)
{
    size_t out = 0;
    int space = 0, any = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20 || ch == 0x7f || ch == ' ') {
            space = any;
            continue;
        }
        if (out >= max) {
            sb_puts(b, "...");
            return;
        }
        if (space) {
            sb_putn(b, " ", 1);
            out++;
            space = 0;
        }
        sb_putn(b, (const char *)&ch, 1);
        out++;
        any = 1;
    }
}

static const char *line_start(const char *base, const char *p)
{
    while (p > base && p[-1] != '\n')
        p--;
    return p;
}

static const char *line_end(const char *p)
{
    const char *e = strchr(p, '\n');
    return e ? e : p + strlen(p);
}

/* numbers (not part of an identifier) -> N, hex -> 0x?, the input path -> FILE */
static char *norm_message(const char *s, size_t n, const char *file)
{
    sbuf raw = {0};
    size_t fl = file ? strlen(file) : 0;
    for (size_t i = 0; i < n;) {
        if (fl && i + fl <= n && !strncmp(s + i, file, fl)) {
            sb_puts(&raw, "FILE");
            i += fl;
        } else if (s[i] == '0' && i + 2 < n && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
                   isxdigit((unsigned char)s[i + 2]) && (i == 0 || !is_ident(s[i - 1]))) {
            sb_puts(&raw, "0x?");
            i += 2;
            while (i < n && isxdigit((unsigned char)s[i]))
                i++;
        } else if (isdigit((unsigned char)s[i]) && (i == 0 || !is_ident(s[i - 1]))) {
            sb_puts(&raw, "N");
            while (i < n && isdigit((unsigned char)s[i]))
                i++;
        } else {
            sb_putn(&raw, s + i, 1);
            i++;
        }
    }
    if (raw.oom) {
        free(raw.s);
        return NULL;
    }
    sbuf out = {0};
    sb_put_clean(&out, raw.s ? raw.s : "", raw.n, MAX_SIG_PART);
    free(raw.s);
    if (!out.s && !out.oom)
        sb_puts(&out, "");
    if (out.oom) {
        free(out.s);
        return NULL;
    }
    return out.s;
}

/* ---- C++ names: "void ns::C::f<T>(args) const" -> "ns::C::f<T>" ---- */

static size_t skip_operator(const char *s, size_t i)
{
    /* s + i points at "operator" */
    size_t j = i + 8;
    while (s[j] == ' ')
        j++;
    if (s[j] == '(' && s[j + 1] == ')')
        return j + 2;
    while (s[j] && strchr("<>=!+-*/%^&|~[],", s[j]))
        j++;
    return j;
}

/* in place; returns name */
static char *strip_signature(char *name)
{
    /* "(anonymous namespace)" -> "{anon}" */
    for (char *p; (p = strstr(name, "(anonymous namespace)")) != NULL;) {
        memcpy(p, "{anon}", 6);
        memmove(p + 6, p + 21, strlen(p + 21) + 1);
    }
    /* a trailing source location ("f.c:44:7", "./dir/f.c", "/abs/f.cpp:12") */
    for (;;) {
        size_t len = strlen(name);
        while (len && name[len - 1] == ' ')
            name[--len] = '\0';
        char *sp = strrchr(name, ' ');
        if (!sp)
            break;
        const char *t = sp + 1, *colon = strchr(t, ':');
        int loc = strchr(t, '/') != NULL || (colon && isdigit((unsigned char)colon[1]));
        if (!loc || strchr(t, '(') || strchr(t, ')') || strchr(t, '<'))
            break;
        *sp = '\0';
    }
    int depth = 0;
    size_t last_space = (size_t)-1;
    for (size_t i = 0; name[i]; i++) {
        char ch = name[i];
        if (!strncmp(name + i, "operator", 8) && (i == 0 || !is_ident(name[i - 1])) &&
            !is_ident(name[i + 8])) {
            i = skip_operator(name, i) - 1;
            continue;
        }
        if (ch == '<')
            depth++;
        else if (ch == '>' && depth > 0)
            depth--;
        else if (depth == 0 && (ch == '(' || (ch == ' ' && name[i + 1] == '/'))) {
            name[i] = '\0';
            break;
        } else if (depth == 0 && ch == ' ')
            last_space = i;
    }
    size_t len = strlen(name);
    while (len && name[len - 1] == ' ')
        name[--len] = '\0';
    if (last_space != (size_t)-1 && last_space < len)
        memmove(name, name + last_space + 1, len - last_space);
    return name;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---- stack dump frames ---- */

typedef struct frames {
    char *name[MAX_FRAMES]; /* normalised; NULL for runtime frames */
    int n;
} frames;

static void frames_free(frames *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->name[i]);
    f->n = 0;
}

static int is_libc(const char *module)
{
    static const char *const libs[] = {"libc.so", "libc-", "ld-linux", "libpthread", NULL};
    for (int i = 0; module && libs[i]; i++)
        if (!strncmp(base_name(module), libs[i], strlen(libs[i])))
            return 1;
    return 0;
}

static int is_runtime(const char *sym, const char *module)
{
    static const char *const exact[] = {
        "abort", "raise", "_start", "gsignal", "__restore_rt", "pthread_kill",
        "__pthread_kill", "__pthread_kill_implementation", "__pthread_kill_internal",
        "__libc_start_main", "__libc_start_call_main", "__libc_start_main_impl",
        "__assert_fail", "__assert_fail_base", "__assert_perror_fail", "killpg", "call_init",
        NULL};
    static const char *const sub[] = {
        "llvm::sys::PrintStackTrace", "SignalHandler", "llvm::sys::RunSignalHandlers",
        "CrashRecoveryContext", "llvm::llvm_unreachable_internal", "llvm::report_fatal_error",
        "llvm::report_bad_alloc_error", "llvm::sys::CleanupOnSignal", "__sanitizer", "__asan",
        NULL};
    for (int i = 0; sym && exact[i]; i++)
        if (!strcmp(sym, exact[i]))
            return 1;
    for (int i = 0; sym && sub[i]; i++)
        if (strstr(sym, sub[i]))
            return 1;
    if (sym && !strncmp(sym, "__GI_", 5))
        return 1;
    return sym == NULL && module == NULL ? 1 : is_libc(module);
}

/* "SYMBOL (MODULE+0xOFF)", "(MODULE+0xOFF)", "SYMBOL FILE:LINE:COL", "SYMBOL" */
static char *parse_frame_rest(const char *rest, size_t n, int *runtime, int *libc)
{
    while (n && (rest[n - 1] == ' ' || rest[n - 1] == '\r' || rest[n - 1] == '\t'))
        n--;
    char *sym = NULL, *module = NULL;
    if (n && rest[n - 1] == ')') {
        int d = 0;
        size_t i = n;
        while (i > 0) {
            i--;
            if (rest[i] == ')')
                d++;
            else if (rest[i] == '(' && --d == 0)
                break;
        }
        if (d == 0) {
            char *inside = strndup(rest + i + 1, n - i - 2);
            if (!inside)
                return NULL;
            if (inside[0] == '/' || strstr(inside, "+0x")) {
                module = inside;
                n = i;
            } else {
                free(inside);
            }
        }
    }
    while (n && rest[n - 1] == ' ')
        n--;
    if (n)
        sym = strndup(rest, n);
    if (n && !sym) {
        free(module);
        return NULL;
    }
    if (sym)
        strip_signature(sym);
    if (sym && !sym[0]) {
        free(sym);
        sym = NULL;
    }
    *runtime = is_runtime(sym, module);
    *libc = sym == NULL && is_libc(module);
    char *name = sym;
    if (!name && module) {
        /* unsymbolised: module basename + offset is the only identity */
        const char *b = base_name(module);
        name = strdup(b);
    }
    free(module);
    if (!name)
        name = strdup("??");
    return name;
}

/* The first run of " #N 0xADDR ..." lines. Returns -1 when out of memory. */
static int parse_frames(const char *err, frames *f)
{
    f->n = 0;
    int started = 0, seen_libc = 0;
    for (const char *p = err; *p && f->n < MAX_FRAMES;) {
        const char *e = line_end(p);
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t'))
            q++;
        int ok = 0;
        if (q < e && *q == '#' && q + 1 < e && isdigit((unsigned char)q[1])) {
            const char *r = q + 1;
            long num = strtol(r, NULL, 10);
            while (r < e && isdigit((unsigned char)*r))
                r++;
            while (r < e && *r == ' ')
                r++;
            if (r + 2 < e && r[0] == '0' && r[1] == 'x') {
                r += 2;
                while (r < e && isxdigit((unsigned char)*r))
                    r++;
                while (r < e && (*r == ' ' || *r == '\t'))
                    r++;
                if (num == 0 && started)
                    break; /* a second dump */
                int runtime = 0, libc = 0;
                char *name = parse_frame_rest(r, (size_t)(e - r), &runtime, &libc);
                if (!name)
                    return -1;
                if (libc && f->n < SIGNAL_FRAMES && !seen_libc) {
                    /* the signal trampoline: every frame above it is the
                     * crash handler (often unsymbolised static functions) */
                    seen_libc = 1;
                    for (int k = 0; k < f->n; k++) {
                        free(f->name[k]);
                        f->name[k] = NULL;
                    }
                }
                if (runtime) {
                    free(name);
                    name = NULL;
                }
                f->name[f->n++] = name;
                started = ok = 1;
            }
        }
        if (started && !ok && f->n > 0 && q < e)
            break; /* end of the contiguous run */
        p = *e ? e + 1 : e;
    }
    return 0;
}

/* the most repeated (non-runtime) frame name and its count */
static int max_repeat(const frames *f, const char **which)
{
    int best = 0;
    *which = NULL;
    for (int i = 0; i < f->n; i++) {
        if (!f->name[i])
            continue;
        int k = 0;
        for (int j = i; j < f->n; j++)
            k += f->name[j] && !strcmp(f->name[i], f->name[j]);
        if (k > best) {
            best = k;
            *which = f->name[i];
        }
    }
    return best;
}

/* The innermost PrettyStackTrace entry of a "Stack dump:" ("N.\t<loc>: what",
 * the highest N >= 1), its location dropped and quoted text replaced: used
 * when the dump has no usable frames. NULL when there is none. */
static char *pretty_entry(const char *err, const char *file, int *oom)
{
    const char *sd = strstr(err, "Stack dump:");
    if (!sd)
        return NULL;
    const char *best = NULL, *best_e = NULL;
    for (const char *p = line_end(sd); *p == '\n';) {
        p++;
        const char *e = line_end(p);
        char *end;
        long num = strtol(p, &end, 10);
        if (end == p || *end != '.' || (end[1] != '\t' && end[1] != ' '))
            break;
        if (num >= 1) {
            best = end + 2;
            best_e = e;
        }
        p = e;
    }
    if (!best)
        return NULL;
    /* "file.c:3:14: " */
    for (const char *q = best; q < best_e; q++) {
        if (*q != ':' || !isdigit((unsigned char)q[1]))
            continue;
        const char *d = q + 1;
        while (d < best_e && isdigit((unsigned char)*d))
            d++;
        if (d + 1 < best_e && *d == ':' && isdigit((unsigned char)d[1])) {
            d++;
            while (d < best_e && isdigit((unsigned char)*d))
                d++;
            if (d + 1 < best_e && d[0] == ':' && d[1] == ' ') {
                best = d + 2;
                break;
            }
        }
    }
    sbuf b = {0};
    for (const char *q = best; q < best_e; q++) {
        const char *close = *q == '\'' ? memchr(q + 1, '\'', (size_t)(best_e - q - 1)) : NULL;
        if (close) {
            sb_puts(&b, "'?'");
            q = close;
        } else {
            sb_putn(&b, q, 1);
        }
    }
    char *r = b.oom ? NULL : norm_message(b.s ? b.s : "", b.n, file);
    *oom = b.oom || !r;
    free(b.s);
    return r;
}

static const char *sig_name(int signo)
{
    switch (signo) {
    case 4: return "SIGILL";
    case 5: return "SIGTRAP";
    case 6: return "SIGABRT";
    case 7: return "SIGBUS";
    case 8: return "SIGFPE";
    case 9: return "SIGKILL";
    case 11: return "SIGSEGV";
    case 15: return "SIGTERM";
    case 31: return "SIGSYS";
    default: return NULL;
    }
}

/* "ns::Class::DoThing<T>" -> "do-thing" appended to the slug */
static void slug_add(char *slug, size_t cap, const char *text, int last_component)
{
    if (last_component) {
        const char *lt = strchr(text, '<');
        size_t lim = lt ? (size_t)(lt - text) : strlen(text);
        const char *c = text;
        for (size_t i = 0; i + 1 < lim; i++)
            if (text[i] == ':' && text[i + 1] == ':')
                c = text + i + 2;
        text = c;
    }
    size_t n = strlen(slug);
    int dash = n > 0;
    for (const char *p = text; *p && n + 2 < cap; p++) {
        unsigned char ch = (unsigned char)*p;
        if (last_component && (ch == '<' || ch == '('))
            break;
        if (!isalnum(ch)) {
            dash = n > 0;
            continue;
        }
        unsigned char prev = p > text ? (unsigned char)p[-1] : 0;
        if (isupper(ch) && (islower(prev) || isdigit(prev)))
            dash = n > 0;
        if (dash && n > 0 && slug[n - 1] != '-')
            slug[n++] = '-';
        dash = 0;
        slug[n++] = (char)tolower(ch);
    }
    while (n > 0 && slug[n - 1] == '-')
        n--;
    slug[n] = '\0';
}

static void set_false(ms_tri_verdict *v, const char *reason)
{
    v->cls = MS_TRI_FALSE;
    snprintf(v->kind, sizeof v->kind, "false-positive");
    snprintf(v->reason, sizeof v->reason, "%s", reason);
}

static void ending(char *buf, size_t n, const ms_tri_result *r)
{
    if (r->signo)
        snprintf(buf, n, "%s", sig_name(r->signo) ? sig_name(r->signo) : "signal");
    else
        snprintf(buf, n, "exit %d", r->exit_code);
}

int ms_tri_classify(const ms_tri_campaign *c, const char *file, const char *text, size_t len,
                    const ms_tri_result *r, int from_hangs, double limit_s, ms_tri_verdict *v)
{
    memset(v, 0, sizeof *v);
    const char *err = r->err ? r->err : "";
    char how[64];
    ending(how, sizeof how, r);
    if (ms_tri_has_debug_pragma(text, len)) {
        set_false(v, "contains a `clang __debug` pragma (deliberate crash)");
        return 0;
    }
    if (r->exec_failed) {
        set_false(v, "the target could not be executed");
        return 0;
    }
    if (r->timed_out) {
        if (!from_hangs) {
            snprintf(v->reason, sizeof v->reason,
                     "does not reproduce: ran into the %.1f s limit instead of crashing", limit_s);
            v->cls = MS_TRI_FALSE;
            snprintf(v->kind, sizeof v->kind, "false-positive");
            return 0;
        }
        v->cls = MS_TRI_HANG;
        snprintf(v->kind, sizeof v->kind, "hang");
        snprintf(v->slug, sizeof v->slug, "hang");
        v->signature = strdup("hang: no result within the long limit");
        return v->signature ? 0 : -1;
    }
    static const char *const crash_text[] = {
        "PLEASE submit a bug report", "Assertion `", "LLVM ERROR:", "UNREACHABLE executed",
        "Stack dump:", "frontend command failed", NULL};
    int has_text = 0;
    for (int i = 0; crash_text[i]; i++)
        has_text |= strstr(err, crash_text[i]) != NULL;
    int crashed = r->signo != 0 ||
                  (r->exited && (r->exit_code == 70 ||
                                 (c->crash_exitcode >= 0 && r->exit_code == c->crash_exitcode) ||
                                 (r->exit_code != 0 && has_text)));
    if (!crashed) {
        v->cls = MS_TRI_FALSE;
        snprintf(v->kind, sizeof v->kind, "false-positive");
        if (from_hangs)
            snprintf(v->reason, sizeof v->reason,
                     "hang that finishes within the long limit (%s after %.1f s)", how,
                     r->ms / 1000.0);
        else
            snprintf(v->reason, sizeof v->reason, "does not reproduce (%s, no crash)", how);
        return 0;
    }
    static const char *const oom_text[] = {"out of memory", "std::bad_alloc", "Allocation failed",
                                           NULL};
    for (int i = 0; oom_text[i]; i++)
        if (strstr(err, oom_text[i])) {
            v->cls = MS_TRI_FALSE;
            snprintf(v->kind, sizeof v->kind, "false-positive");
            snprintf(v->reason, sizeof v->reason, "out of memory (\"%s\" on stderr)", oom_text[i]);
            return 0;
        }

    const char *assertion = strstr(err, "Assertion `");
    const char *fatal = strstr(err, "LLVM ERROR: ");
    const char *unreach = strstr(err, "UNREACHABLE executed");
    frames *f = calloc(1, sizeof *f);
    if (!f || parse_frames(err, f) != 0) {
        if (f)
            frames_free(f);
        free(f);
        return -1;
    }
    if (!assertion && !fatal && !unreach) {
        const char *which;
        int rep = max_repeat(f, &which);
        if (strstr(err, "stack nearly exhausted")) {
            v->cls = MS_TRI_FALSE;
            snprintf(v->reason, sizeof v->reason,
                     "stack exhaustion (clang's \"stack nearly exhausted\" warning, %s)", how);
        } else if (rep >= MS_TRI_RECURSION_FRAMES) {
            v->cls = MS_TRI_FALSE;
            snprintf(v->reason, sizeof v->reason,
                     "stack exhaustion (deep recursion: %.100s in %d of %d frames, %s)", which, rep,
                     f->n, how);
        }
        if (v->cls == MS_TRI_FALSE) {
            snprintf(v->kind, sizeof v->kind, "false-positive");
            frames_free(f);
            free(f);
            return 0;
        }
    }

    sbuf sig = {0};
    v->cls = MS_TRI_CRASH;
    if (assertion) {
        const char *expr = assertion + 11, *le = line_end(expr);
        const char *ee = strstr(expr, "' failed");
        if (!ee || ee > le)
            ee = le;
        /* "prog: FILE:LINE: FUNC: Assertion `" */
        const char *ls = line_start(err, assertion), *fs = NULL, *fe = assertion;
        while (fe > ls && (fe[-1] == ' ' || fe[-1] == ':'))
            fe--;
        for (const char *p = ls; p + 1 < fe && !fs; p++) {
            if (*p != ':' || !isdigit((unsigned char)p[1]))
                continue;
            const char *d = p + 1;
            while (d < fe && isdigit((unsigned char)*d))
                d++;
            if (d + 1 < fe && d[0] == ':' && d[1] == ' ')
                fs = d + 2;
        }
        char *func = fs && fe > fs ? strndup(fs, (size_t)(fe - fs)) : NULL;
        if (func)
            strip_signature(func);
        sb_puts(&sig, "Assertion `");
        sb_put_clean(&sig, expr, (size_t)(ee - expr), MAX_SIG_PART);
        sb_puts(&sig, "' failed");
        snprintf(v->kind, sizeof v->kind, "assertion");
        snprintf(v->slug, sizeof v->slug, "assert");
        if (func && func[0]) {
            sb_puts(&sig, " in ");
            sb_put_clean(&sig, func, strlen(func), MAX_SIG_PART);
            slug_add(v->slug, sizeof v->slug, func, 1);
        } else {
            slug_add(v->slug, sizeof v->slug, expr, 0);
        }
        free(func);
    } else if (fatal) {
        const char *m = fatal + 12;
        char *msg = norm_message(m, (size_t)(line_end(m) - m), file);
        if (msg) {
            sb_puts(&sig, "LLVM ERROR: ");
            sb_puts(&sig, msg);
        } else {
            sig.oom = 1;
        }
        snprintf(v->kind, sizeof v->kind, "llvm-error");
        snprintf(v->slug, sizeof v->slug, "llvm-error");
        if (msg)
            slug_add(v->slug, sizeof v->slug, msg, 0);
        free(msg);
    } else if (unreach) {
        /* "<msg>\nUNREACHABLE executed at FILE:LINE!" */
        const char *ls = line_start(err, unreach);
        char *msg = NULL;
        if (ls > err) {
            const char *ps = line_start(err, ls - 1);
            msg = norm_message(ps, (size_t)(ls - 1 - ps), file);
            if (!msg)
                sig.oom = 1;
        }
        sb_puts(&sig, "UNREACHABLE executed: ");
        sb_puts(&sig, msg && msg[0] ? msg : "(no message)");
        const char *at = strstr(unreach, " at ");
        const char *le = line_end(unreach);
        if (at && at < le) {
            const char *fs = at + 4, *colon = fs;
            for (const char *p = fs; p < le; p++)
                if (*p == ':')
                    colon = p;
            if (colon > fs) {
                char *path = strndup(fs, (size_t)(colon - fs));
                if (path) {
                    sb_puts(&sig, " (");
                    sb_puts(&sig, base_name(path));
                    sb_puts(&sig, ")");
                    free(path);
                }
            }
        }
        snprintf(v->kind, sizeof v->kind, "unreachable");
        snprintf(v->slug, sizeof v->slug, "unreachable");
        if (msg)
            slug_add(v->slug, sizeof v->slug, msg, 0);
        free(msg);
    } else {
        snprintf(v->kind, sizeof v->kind, "%s", r->signo ? "signal" : "exit");
        sb_puts(&sig, how);
        slug_add(v->slug, sizeof v->slug, how, 0);
        int k = 0;
        for (int i = 0; i < f->n && k < TOP_FRAMES; i++) {
            if (!f->name[i])
                continue;
            sb_puts(&sig, k == 0 ? " in " : " < ");
            sb_put_clean(&sig, f->name[i], strlen(f->name[i]), MAX_SIG_PART);
            if (k == 0)
                slug_add(v->slug, sizeof v->slug, f->name[i], 1);
            k++;
        }
        int oom = 0;
        char *pe = k == 0 ? pretty_entry(err, file, &oom) : NULL;
        if (pe && pe[0]) {
            sb_puts(&sig, " during: ");
            sb_puts(&sig, pe);
            slug_add(v->slug, sizeof v->slug, pe, 0);
        }
        free(pe);
        if (oom)
            sig.oom = 1;
    }
    frames_free(f);
    free(f);
    if (sig.oom) {
        free(sig.s);
        return -1;
    }
    v->signature = sig.s;
    if (!v->slug[0])
        snprintf(v->slug, sizeof v->slug, "crash");
    return v->signature ? 0 : -1;
}
