/*
 * test_misc.c - unit tests of the rest of the framework: __debug pragma
 * neutralisation, the arena and its limit, the PRNG and ms_pick (forced
 * sites, counting), parse failures, and ms_run's determinism.
 */
#include "harness.h"

static void unit_should_neutralise_debug_pragmas(void)
{
    struct {
        const char *in, *out;
        int n;
    } cases[] = {
        {"#pragma clang __debug crash\n", "#pragma clang __nodbg crash\n", 1},
        {"  #  pragma clang __debug overflow_stack\n", "  #  pragma clang __nodbg overflow_stack\n", 1},
        {"_Pragma(\"clang __debug llvm_fatal_error\")", "_Pragma(\"clang __nodbg llvm_fatal_error\")", 1},
        {"#pragma clang __deb\\\nug crash\n", "#pragma clang __nod\\\nbg crash\n", 1},
        {"#pragma clang __deb\\\r\nug crash\n", "#pragma clang __nod\\\r\nbg crash\n", 1},
        {"int __debugger; int my__debug; int __debug_x;", "int __debugger; int my__debug; int __debug_x;", 0},
        {"__debug __debug", "__nodbg __nodbg", 2},
        {"__debu", "__debu", 0},
        /* splices clang accepts too: blanks before the newline, a lone \r, \n\r */
        {"#pragma clang __deb\\ \nug crash\n", "#pragma clang __nod\\ \nbg crash\n", 1},
        {"#pragma clang __deb\\\t \r\nug crash\n", "#pragma clang __nod\\\t \r\nbg crash\n", 1},
        {"#pragma clang __de\\\rbug crash\n", "#pragma clang __no\\\rdbg crash\n", 1},
        {"#pragma clang __debu\\\n\rg crash\n", "#pragma clang __nodb\\\n\rg crash\n", 1},
        {"int __debu\\ \ngger;", "int __debu\\ \ngger;", 0},
        {"a\\ b __debug\\ \n1", "a\\ b __debug\\ \n1", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[128];
        size_t len = strlen(cases[i].in);
        memcpy(buf, cases[i].in, len + 1);
        CHECK(ms_neutralise_pragmas(buf, len) == cases[i].n);
        CHECK_STR(buf, cases[i].out);
    }
}

static void unit_should_parse_debug_pragma_inputs_without_crashing(void)
{
    const char *src = "#pragma clang __debug crash\n#pragma clang __debug overflow_stack\n"
                      "int main(void) { return 1 + 2; }\n";
    ms_unit *u;
    char err[128];
    CHECK(ms_unit_parse(&u, src, strlen(src), NULL, err, sizeof err) == MS_PARSE_OK);
    size_t len;
    CHECK(strstr(ms_unit_source(u, &len), "__debug") == NULL);
    ms_unit_free(u);
}

static void unit_should_reject_what_is_not_c(void)
{
    ms_unit *u = (ms_unit *)1;
    char err[128] = "";
    const char *bad = "}}}} ))) ;;; @@@ }}}}";
    CHECK(ms_unit_parse(&u, bad, strlen(bad), NULL, err, sizeof err) == MS_PARSE_FAILED);
    CHECK(u == NULL);
    CHECK(strstr(err, "not C") != NULL);
    /* an empty file parses: it simply has nothing to mutate */
    CHECK(ms_unit_parse(&u, "", 0, NULL, err, sizeof err) == MS_PARSE_OK);
    CHECK(ms_unit_node_count(u) == 0);
    ms_unit_free(u);
    /* extra compiler arguments are honoured */
    const char *needs_d = "int x = VALUE;";
    const char *args[] = {"-DVALUE=3"};
    ms_parse_opts po = {args, 1, "d.c"};
    CHECK(ms_syntax_ok(needs_d, strlen(needs_d), &po) == 1);
    CHECK(ms_syntax_ok(needs_d, strlen(needs_d), NULL) == 0);
}

static void unit_should_allocate_zeroed_memory_and_stop_at_the_limit(void)
{
    t_env e;
    t_open(&e, "int x;");
    unsigned char *p = ms_alloc(&e.ctx, 100);
    int zero = 1;
    for (int i = 0; i < 100; i++)
        zero &= p[i] == 0;
    CHECK(zero);
    int *v = NULL, n = 0;
    for (int i = 0; i < 1000; i++)
        ms_vec_push(&e.ctx, &v, &n, &i, sizeof i);
    CHECK(n == 1000 && v[0] == 0 && v[999] == 999 && v[512] == 512);
    volatile int hit = 0;
    if (setjmp(e.jb) == 0) {
        for (int i = 0; i < 1000; i++)
            ms_alloc(&e.ctx, 1 << 20); /* 1000 MB > limit */
    } else {
        hit = 1;
    }
    CHECK(hit);
    CHECK(e.u->arena.total <= MS_ARENA_LIMIT);
    t_close(&e);
}

static void unit_should_pick_deterministically_and_honour_forced_sites(void)
{
    t_env e;
    t_open(&e, "int x;");
    uint64_t a[4], b[4];
    ms_rng_seed(a, 42);
    ms_rng_seed(b, 42);
    int same = 1;
    for (int i = 0; i < 100; i++)
        same &= ms_rng_next(a) == ms_rng_next(b);
    CHECK(same);
    CHECK(ms_pick(&e.ctx, 0) == -1);
    int k = ms_pick(&e.ctx, 5);
    CHECK(k >= 0 && k < 5);
    e.ctx.forced_site = 3;
    CHECK(ms_pick(&e.ctx, 5) == 3);
    CHECK(ms_pick(&e.ctx, 3) == -1); /* out of range: skip */
    e.ctx.forced_site = -1;
    e.ctx.count_only = 1;
    CHECK(ms_pick(&e.ctx, 7) == -1 && e.ctx.nsites == 7);
    CHECK(ms_rand(&e.ctx, 0) == 0);
    int counts[4] = {0};
    for (int i = 0; i < 4000; i++)
        counts[ms_rand(&e.ctx, 4)]++;
    CHECK(counts[0] > 800 && counts[1] > 800 && counts[2] > 800 && counts[3] > 800);
    t_close(&e);
}

static void unit_should_run_mutators_deterministically(void)
{
    const char *src = "int f(int a, int b) { return a * b + (a ^ b) + (a | 1); }\n";
    ms_unit *u;
    CHECK(ms_unit_parse(&u, src, strlen(src), NULL, NULL, 0) == MS_PARSE_OK);
    const ms_mutator *m = ms_registry_find("swap_binary_operands");
    CHECK(m != NULL);
    ms_run_opts o = {7, -1, 0};
    ms_run_result r1, r2, rc;
    ms_run(u, m, &o, &r1);
    ms_run(u, m, &o, &r2);
    CHECK(r1.status == MS_MUTATED && r2.status == MS_MUTATED);
    CHECK(r1.outlen == r2.outlen && memcmp(r1.out, r2.out, r1.outlen) == 0);
    ms_run_opts oc = {7, -1, 1};
    ms_run(u, m, &oc, &rc);
    CHECK(rc.status == MS_SKIP && rc.nsites == 5);
    /* every site, forced, gives a distinct mutant */
    char *outs[5];
    for (int k = 0; k < 5; k++) {
        ms_run_opts of = {1, k, 0};
        ms_run_result rf;
        ms_run(u, m, &of, &rf);
        CHECK(rf.status == MS_MUTATED);
        outs[k] = rf.out;
    }
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++)
            CHECK(outs[i] && outs[j] && strcmp(outs[i], outs[j]) != 0);
    for (int k = 0; k < 5; k++)
        free(outs[k]);
    free(r1.out);
    free(r2.out);
    ms_unit_free(u);
}

/* Found by make selffuzz: in "long\0long l;" clang skips the NUL as a blank,
 * but the text before the name, read as a C string, stopped at it, and
 * change_integer_type rewrote "long" to "long": a mutation without change. */
static void unit_should_change_the_input_whenever_a_mutation_is_reported(void)
{
    static const char src[] = "long\0long l;\nint f(unsigned\0short s) { return s; }\n";
    ms_unit *u;
    char err[128];
    CHECK(ms_unit_parse(&u, src, sizeof src - 1, NULL, err, sizeof err) == MS_PARSE_OK);
    size_t len;
    const char *in = ms_unit_source(u, &len);
    for (int i = 0; i < ms_registry_count; i++) {
        for (uint64_t seed = 1; seed <= 16; seed++) {
            ms_run_opts o = {seed, -1, 0};
            ms_run_result r;
            ms_run(u, ms_registry[i], &o, &r);
            CHECK(r.status != MS_ERROR);
            if (r.status == MS_MUTATED) {
                int same = r.outlen == len && memcmp(r.out, in, len) == 0;
                if (same)
                    fprintf(stderr, "    %s (seed %llu) changed nothing\n", ms_registry[i]->name,
                            (unsigned long long)seed);
                CHECK(!same);
                free(r.out);
            }
        }
    }
    ms_unit_free(u);
}

int main(void)
{
    RUN(unit_should_neutralise_debug_pragmas);
    RUN(unit_should_parse_debug_pragma_inputs_without_crashing);
    RUN(unit_should_reject_what_is_not_c);
    RUN(unit_should_allocate_zeroed_memory_and_stop_at_the_limit);
    RUN(unit_should_pick_deterministically_and_honour_forced_sites);
    RUN(unit_should_run_mutators_deterministically);
    RUN(unit_should_change_the_input_whenever_a_mutation_is_reported);
    FINISH();
}
