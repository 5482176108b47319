/*
 * unit.c - parse a buffer once (from memory, error-tolerant) and flatten the
 * main file's AST into an array of ms_node, so that every later mutation of
 * the same input costs a walk over an array instead of a parse.
 *
 * Data flow: bytes -> private NUL-terminated copy -> neutralise __debug
 * pragmas -> clang_parseTranslationUnit2 (KeepGoing, detailed preprocessing
 * record for macro ranges) -> recursive walk (main file only, depth-limited)
 * -> nodes[] with byte ranges -> mark nodes that macros make unsafe to edit.
 */
#include "internal.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static CXIndex g_index;

static void set_nothreads(void)
{
    setenv("LIBCLANG_NOTHREADS", "1", 0);
}

CXIndex ms_index(void)
{
    if (!g_index)
        g_index = clang_createIndex(0, 0);
    return g_index;
}

void ms_index_dispose(void)
{
    if (g_index)
        clang_disposeIndex(g_index);
    g_index = NULL;
}

typedef struct walk {
    ms_unit *u;
    CXFile main;
    int parent;
    int last_child;
    int depth;
    int oom;
} walk;

static unsigned loc_offset(CXSourceLocation loc, CXFile *file)
{
    unsigned off = 0;
    clang_getExpansionLocation(loc, file, NULL, NULL, &off);
    return off;
}

static int push_node(ms_unit *u, const ms_node *n)
{
    if (u->nnodes == u->cap) {
        int cap = u->cap ? u->cap * 2 : 256;
        ms_node *nn = realloc(u->nodes, (size_t)cap * sizeof *nn);
        if (!nn)
            return -1;
        u->nodes = nn;
        u->cap = cap;
    }
    u->nodes[u->nnodes] = *n;
    return u->nnodes++;
}

static int push_macro(ms_unit *u, unsigned b, unsigned e)
{
    if (u->nmacros == u->macrocap) {
        int cap = u->macrocap ? u->macrocap * 2 : 32;
        ms_range *nm = realloc(u->macros, (size_t)cap * sizeof *nm);
        if (!nm)
            return -1;
        u->macros = nm;
        u->macrocap = cap;
    }
    u->macros[u->nmacros].begin = b;
    u->macros[u->nmacros].end = e;
    u->nmacros++;
    return 0;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data);

static void walk_children(walk *w, CXCursor c, int index)
{
    walk sub = *w;
    sub.parent = index;
    sub.last_child = -1;
    sub.depth = w->depth + 1;
    clang_visitChildren(c, visit, &sub);
    w->oom |= sub.oom;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    walk *w = data;
    ms_unit *u = w->u;
    enum CXCursorKind kind = clang_getCursorKind(c);
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile fb = NULL, fe = NULL;
    unsigned b = loc_offset(clang_getRangeStart(r), &fb);
    unsigned e = loc_offset(clang_getRangeEnd(r), &fe);
    int in_main = fb && clang_File_isEqual(fb, w->main);

    if (kind == CXCursor_MacroExpansion) {
        if (in_main && e > b && e <= u->len && push_macro(u, b, e) < 0)
            w->oom = 1;
        return CXChildVisit_Continue;
    }
    if (clang_isPreprocessing(kind) || kind == CXCursor_InclusionDirective)
        return CXChildVisit_Continue;
    if (w->parent < 0 && !in_main)
        return CXChildVisit_Continue; /* declarations from headers */
    if (w->depth > MS_MAX_DEPTH) {
        u->truncated = 1;
        return CXChildVisit_Continue;
    }

    ms_node n;
    memset(&n, 0, sizeof n);
    n.cursor = c;
    n.kind = kind;
    n.begin = b;
    n.end = e;
    n.parent = w->parent;
    n.depth = w->depth;
    n.first_child = n.next_sibling = -1;
    /* a cursor located in macro text, or with a range we cannot trust */
    n.in_macro = !in_main || !fe || !clang_File_isEqual(fe, w->main) || e <= b ||
                 e > u->len || !clang_Location_isFromMainFile(clang_getCursorLocation(c));
    int idx = push_node(u, &n);
    if (idx < 0) {
        w->oom = 1;
        return CXChildVisit_Break;
    }
    if (w->parent >= 0) {
        u->nodes[w->parent].nchildren++;
        if (w->last_child < 0)
            u->nodes[w->parent].first_child = idx;
    }
    if (w->last_child >= 0) /* top-level nodes are siblings too */
        u->nodes[w->last_child].next_sibling = idx;
    w->last_child = idx;
    walk_children(w, c, idx);
    return w->oom ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A node is safe to edit when, for every macro expansion range M, it is
 * either disjoint from M or strictly contains M. Inside or equal to M the
 * node's range is the macro call's, not its own. */
static void mark_macros(ms_unit *u)
{
    for (int i = 0; i < u->nnodes; i++) {
        ms_node *n = &u->nodes[i];
        if (n->in_macro && n->end > n->begin && n->end <= u->len) {
            /* located in macro text: safe only if it strictly contains the
             * macro calls it overlaps (e.g. `NEG(y) + 1`) */
            int contains_some = 0, bad = 0;
            for (int k = 0; k < u->nmacros && !bad; k++) {
                const ms_range *m = &u->macros[k];
                if (n->end <= m->begin || n->begin >= m->end)
                    continue;
                if (n->begin <= m->begin && n->end >= m->end &&
                    (n->begin < m->begin || n->end > m->end))
                    contains_some = 1;
                else
                    bad = 1;
            }
            n->in_macro = bad || !contains_some;
            continue;
        }
        for (int k = 0; k < u->nmacros; k++) {
            const ms_range *m = &u->macros[k];
            if (n->end <= m->begin || n->begin >= m->end)
                continue;
            if (!(n->begin <= m->begin && n->end >= m->end &&
                  (n->begin < m->begin || n->end > m->end))) {
                n->in_macro = 1;
                break;
            }
        }
    }
}

/* Does the main file declare anything valid at top level? Input with errors
 * and no such declaration (binary junk, prose) counts as not C at all. */
static int has_valid_declaration(const ms_unit *u)
{
    for (int i = 0; i < u->nnodes; i++) {
        const ms_node *n = &u->nodes[i];
        if (n->parent >= 0)
            continue;
        switch (n->kind) {
        case CXCursor_FunctionDecl:
        case CXCursor_VarDecl:
        case CXCursor_StructDecl:
        case CXCursor_UnionDecl:
        case CXCursor_EnumDecl:
        case CXCursor_TypedefDecl:
            if (!clang_isInvalidDeclaration(n->cursor))
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

static int count_errors(CXTranslationUnit tu)
{
    int errors = 0;
    unsigned nd = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < nd; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
            errors++;
        clang_disposeDiagnostic(d);
    }
    return errors;
}

void ms_unit_free(ms_unit *u)
{
    if (!u)
        return;
    if (u->tu)
        clang_disposeTranslationUnit(u->tu);
    ms_arena_free(&u->arena);
    free(u->src);
    free(u->filename);
    free(u->nodes);
    free(u->macros);
    free(u->by_hash);
    free(u);
}


/* ---- parsing on a thread with a large stack ----
 * clang's parser recurses once per nesting level (`- - - x`, `if (a) if (b)`),
 * and libclang's own parse thread has 8 MB: a 10,000-deep expression
 * overflows it and kills the process. We run the parse on our own thread
 * with MS_PARSE_STACK of (lazily committed) stack, and tell libclang not to
 * start its own (LIBCLANG_NOTHREADS). If even that overflows, the guard
 * installed by ms_parse_guard_install() turns the fault into a clean exit. */
#define MS_PARSE_STACK ((size_t)1 << 30)

typedef struct parse_job {
    ms_unit *u;
    const char **args;
    int nargs;
    int rc;
    int oom;
    int errors_only; /* count errors, skip the walk (validity checks) */
} parse_job;

static __thread char *t_stack_lo, *t_stack_hi;

static void *parse_thread(void *arg)
{
    parse_job *pj = arg;
    ms_unit *u = pj->u;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            t_stack_lo = addr;
            t_stack_hi = (char *)addr + size;
        }
        pthread_attr_destroy(&attr);
    }
    stack_t ss;
    ss.ss_sp = malloc(1 << 16);
    ss.ss_size = 1 << 16;
    ss.ss_flags = 0;
    if (ss.ss_sp)
        sigaltstack(&ss, NULL);

    struct CXUnsavedFile uf = {u->filename, u->src, (unsigned long)u->len};
    unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_DetailedPreprocessingRecord;
    pj->rc = (int)clang_parseTranslationUnit2(ms_index(), u->filename, pj->args, pj->nargs, &uf,
                                              1, flags, &u->tu);
    if (pj->rc == CXError_Success && u->tu) {
        u->errors = count_errors(u->tu);
        if (pj->errors_only)
            goto done;
        walk w;
        memset(&w, 0, sizeof w);
        w.u = u;
        w.main = clang_getFile(u->tu, u->filename);
        w.parent = -1;
        w.last_child = -1;
        clang_visitChildren(clang_getTranslationUnitCursor(u->tu), visit, &w);
        pj->oom = w.oom;
    } else {
        u->tu = NULL;
    }
done:
    t_stack_lo = t_stack_hi = NULL;
    if (ss.ss_sp) {
        stack_t off;
        memset(&off, 0, sizeof off);
        off.ss_flags = SS_DISABLE;
        sigaltstack(&off, NULL);
        free(ss.ss_sp);
    }
    return NULL;
}

static int run_on_big_stack(parse_job *pj)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, set_nothreads);
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) != 0)
        return -1;
    pthread_attr_setstacksize(&attr, MS_PARSE_STACK);
    int rc = pthread_create(&th, &attr, parse_thread, pj);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return -1;
    pthread_join(th, NULL);
    return 0;
}

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (t_stack_lo) {
        /* we are in the parse thread: the input broke libclang */
        char *a = si->si_addr;
        static const char deep[] =
            "mutsmith: input nests too deeply for the parser (stack exhausted)\n";
        static const char other[] = "mutsmith: libclang crashed while parsing the input\n";
        int overflow = (sig == SIGSEGV || sig == SIGBUS) && a >= t_stack_lo - (16 << 20) &&
                       a < t_stack_hi;
        ssize_t w = overflow ? write(2, deep, sizeof deep - 1) : write(2, other, sizeof other - 1);
        (void)w;
        _exit(MS_PARSE_FAILED);
    }
    signal(sig, SIG_DFL); /* not ours: let the fault happen again, for real */
    if (sig == SIGABRT || sig == SIGFPE)
        raise(sig);
}

void ms_parse_guard_install(void)
{
    /* libclang's own recovery would take these signals first and cannot
     * survive a stack overflow; with it off our handler decides */
    setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
    ms_index(); /* creating an index re-enables recovery: create it first */
    clang_toggleCrashRecovery(0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

#define MS_MAX_ARGS 256

static int parse(ms_unit **out, const char *buf, size_t len, const ms_parse_opts *opts,
                 char *err, size_t errlen, int errors_only)
{
    *out = NULL;
    const char *fname = opts && opts->filename ? opts->filename : "input.c";
    int nargs = opts ? opts->nargs : 0;
    if (nargs > MS_MAX_ARGS - 2) {
        if (err)
            snprintf(err, errlen, "too many compiler arguments (%d)", nargs);
        return MS_PARSE_FAILED;
    }
    ms_unit *u = calloc(1, sizeof *u);
    if (!u)
        goto oom;
    ms_arena_init(&u->arena);
    u->src = malloc(len + 1);
    u->filename = strdup(fname);
    if (!u->src || !u->filename)
        goto oom;
    memcpy(u->src, buf, len);
    u->src[len] = '\0';
    u->len = len;
    ms_neutralise_pragmas(u->src, len);

    const char *args[MS_MAX_ARGS];
    int na = 0;
    args[na++] = "-x";
    args[na++] = "c";
    for (int i = 0; i < nargs; i++)
        args[na++] = opts->args[i];

    parse_job pj = {u, args, na, 0, 0, errors_only};
    if (run_on_big_stack(&pj) != 0) {
        if (err)
            snprintf(err, errlen, "cannot start the parser thread");
        ms_unit_free(u);
        return MS_PARSE_FAILED;
    }
    if (pj.rc != CXError_Success || !u->tu) {
        if (err)
            snprintf(err, errlen, "libclang could not parse the input (error %d)", pj.rc);
        ms_unit_free(u);
        return MS_PARSE_FAILED;
    }
    if (pj.oom)
        goto oom;
    mark_macros(u);
    if (!errors_only && u->errors > 0 && !has_valid_declaration(u)) {
        if (err)
            snprintf(err, errlen, "input is not C: %d error(s) and no declarations", u->errors);
        ms_unit_free(u);
        return MS_PARSE_FAILED;
    }
    *out = u;
    return MS_PARSE_OK;
oom:
    if (err)
        snprintf(err, errlen, "out of memory while parsing");
    ms_unit_free(u);
    return MS_PARSE_FAILED;
}

int ms_unit_errors(const ms_unit *u)
{
    return u->errors;
}

const char *ms_unit_source(const ms_unit *u, size_t *len)
{
    if (len)
        *len = u->len;
    return u->src;
}

int ms_unit_node_count(const ms_unit *u)
{
    return u->nnodes;
}

int ms_unit_truncated(const ms_unit *u)
{
    return u->truncated;
}

int ms_unit_parse(ms_unit **out, const char *buf, size_t len, const ms_parse_opts *opts,
                  char *err, size_t errlen)
{
    return parse(out, buf, len, opts, err, errlen, 0);
}

int ms_syntax_ok(const char *buf, size_t len, const ms_parse_opts *opts)
{
    ms_unit *u = NULL;
    if (parse(&u, buf, len, opts, NULL, 0, 1) != MS_PARSE_OK)
        return 0;
    int ok = u->errors == 0;
    ms_unit_free(u);
    return ok;
}
