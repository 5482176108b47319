/*
 * harness.c - the self-fuzzing target: afl-fuzz feeds it one file, which is
 * parsed once with the framework (ms_unit_parse), then every registered
 * mutator runs on it with a few seeds, plus one site count. Built with
 * afl-clang-fast and ASan+UBSan over mutsmith's own sources (libclang stays
 * uninstrumented), so memory errors and undefined behaviour in the framework
 * and the mutators surface as crashes. Invariants checked on top, each a
 * crash (abort) when broken:
 *   - a run that reports MS_MUTATED returns output different from its input;
 *   - no output holds a __debug identifier (one could form a
 *     `#pragma clang __debug`, which crashes libclang), checked here
 *     independently of neutralise.c: line splices removed as clang's lexer
 *     removes them, whole words;
 *   - no mutator reports an internal error (MS_ERROR).
 * Usage: selffuzz_harness FILE   (exit 0 also when FILE does not parse)
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SF_SEEDS = 2, SF_MAX_INPUT = 1 << 20 };

static void violated(const char *what, const ms_mutator *m, unsigned long long seed)
{
    fprintf(stderr, "selffuzz: invariant violated: %s (mutator %s, seed %llu)\n", what, m->name,
            seed);
    abort();
}

static int ident_char(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Bytes of a line splice at buf[i] as clang's lexer sees one: a backslash,
 * blanks, then one newline (\n, \r, \r\n or \n\r); 0 when there is none. */
static size_t escaped_newline(const char *buf, size_t len, size_t i)
{
    if (buf[i] != '\\')
        return 0;
    size_t j = i + 1;
    while (j < len && strchr(" \t\f\v", buf[j]) && buf[j])
        j++;
    if (j == len || (buf[j] != '\n' && buf[j] != '\r'))
        return 0;
    size_t n = j + 1 - i;
    if (j + 1 < len && buf[j + 1] == (buf[j] == '\n' ? '\r' : '\n'))
        n++;
    return n;
}

/* True when buf, read as the preprocessor reads it (line splices removed),
 * holds the identifier __debug as a whole word. */
static int holds_debug_word(const char *buf, size_t len)
{
    char *s = malloc(len + 1);
    if (!s)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t skip = escaped_newline(buf, len, i);
        if (skip) {
            i += skip;
            continue;
        }
        s[n++] = buf[i++];
    }
    int found = 0;
    for (size_t i = 0; i + 7 <= n && !found; i++)
        found = memcmp(s + i, "__debug", 7) == 0 && (i == 0 || !ident_char((unsigned char)s[i - 1])) &&
                (i + 7 == n || !ident_char((unsigned char)s[i + 7]));
    free(s);
    return found;
}

static int read_input(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *buf = malloc(SF_MAX_INPUT);
    if (!buf) {
        fclose(f);
        return -1;
    }
    *len = fread(buf, 1, SF_MAX_INPUT, f);
    fclose(f);
    *out = buf;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    ms_parse_guard_install();
    ms_index(); /* libclang's set-up once, before the fork server starts */
#ifdef __AFL_HAVE_MANUAL_CONTROL
    __AFL_INIT();
#endif
    char *buf;
    size_t len;
    if (read_input(argv[1], &buf, &len)) {
        perror(argv[1]);
        return 1;
    }
    ms_unit *u;
    char err[256];
    if (ms_unit_parse(&u, buf, len, NULL, err, sizeof err) != MS_PARSE_OK) {
        free(buf);
        return 0;
    }
    free(buf);
    size_t slen;
    const char *src = ms_unit_source(u, &slen);
    for (int i = 0; i < ms_registry_count; i++) {
        const ms_mutator *m = ms_registry[i];
        for (unsigned long long seed = 1; seed <= SF_SEEDS; seed++) {
            ms_run_opts o = {seed, -1, 0};
            ms_run_result r;
            ms_run(u, m, &o, &r);
            if (r.status == MS_ERROR)
                violated(r.err, m, seed);
            if (r.status != MS_MUTATED)
                continue;
            if (r.outlen == slen && memcmp(r.out, src, slen) == 0)
                violated("reported a mutation but the output equals the input", m, seed);
            if (holds_debug_word(r.out, r.outlen))
                violated("the output holds a __debug identifier", m, seed);
            free(r.out);
        }
        ms_run_opts count = {0, -1, 1};
        ms_run_result r;
        ms_run(u, m, &count, &r);
        if (r.status == MS_ERROR)
            violated(r.err, m, 0);
    }
    ms_unit_free(u);
    ms_index_dispose();
    return 0;
}
