/*
 * harness.c - drives the AFL++ plugin hooks the way afl-fuzz does, under
 * ASan+UBSan: init, then for every file given (corpus files and hostile
 * inputs) fuzz_count and that many fuzz calls with varying max_size, with
 * describe after each, then deinit. Every mutant must be non-empty, differ
 * from its input, respect max_size, never be NULL; describe must name a
 * mutator. Prints per-source counts. Extra inputs: empty, 64 KB of random
 * bytes, and a 1 MB C file.
 * Usage: plugin_harness FILE...   (exit 0 when every check held)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *afl_custom_init(void *afl, unsigned int seed);
unsigned int afl_custom_fuzz_count(void *data, const unsigned char *buf, size_t size);
size_t afl_custom_fuzz(void *data, unsigned char *buf, size_t size, unsigned char **out,
                       unsigned char *add_buf, size_t add_size, size_t max_size);
const char *afl_custom_describe(void *data, size_t max_len);
int32_t afl_custom_init_trim(void *data, unsigned char *buf, size_t size);
void afl_custom_deinit(void *data);

static int failures;
static long exec_us; /* PLUGIN_HARNESS_EXEC_US: pretend each mutant runs a target this long */
static long mutants, fallbacks, zero_returns, roomy, roomy_fallbacks;

static void fail(const char *what, const char *input)
{
    failures++;
    if (failures < 20)
        fprintf(stderr, "plugin_harness: FAIL %s (input %s)\n", what, input);
}

static void fuzz_input(void *pl, const unsigned char *data, size_t len, const char *name,
                       unsigned cap)
{
    unsigned char *buf = malloc(len + 1); /* AFL's buffer: the plugin must not keep it */
    memcpy(buf, data, len);
    unsigned n = afl_custom_fuzz_count(pl, buf, len);
    if (n == 0)
        fail("fuzz_count returned 0", name);
    if (n > cap)
        n = cap;
    for (unsigned i = 0; i < n; i++) {
        size_t max_size = (i % 4 == 3 && len > 64) ? len / 2 : (len < 4096 ? 4096 : len * 2);
        unsigned char *out = NULL;
        size_t olen = afl_custom_fuzz(pl, buf, len, &out, NULL, 0, max_size);
        if (!out) {
            fail("out buffer is NULL", name);
            continue;
        }
        if (olen == 0) {
            zero_returns++;
            if (out != buf)
                fail("returned 0 without *out = buf", name);
            continue;
        }
        if (olen > max_size)
            fail("mutant exceeds max_size", name);
        if (olen == len && memcmp(out, buf, len) == 0)
            fail("mutant equals its input", name);
        const char *d = afl_custom_describe(pl, 64);
        if (!d || !*d || strchr(d, '/') || strlen(d) >= 64)
            fail("describe gave no usable name", name);
        mutants++;
        if (exec_us > 0) {
            struct timespec ts = {exec_us / 1000000, (exec_us % 1000000) * 1000};
            nanosleep(&ts, NULL);
        }
        int fb = d && strncmp(d, "fallback", 8) == 0;
        fallbacks += fb;
        if (max_size >= len) { /* mutators had room to work */
            roomy++;
            roomy_fallbacks += fb;
        }
    }
    if (memcmp(buf, data, len) != 0)
        fail("the plugin modified AFL's input buffer", name);
    free(buf);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

int main(int argc, char **argv)
{
    if (getenv("PLUGIN_HARNESS_EXEC_US"))
        exec_us = strtol(getenv("PLUGIN_HARNESS_EXEC_US"), NULL, 10);
    void *pl = afl_custom_init(NULL, 1234);
    if (!pl) {
        fprintf(stderr, "plugin_harness: init failed\n");
        return 1;
    }
    if (afl_custom_init_trim(pl, (unsigned char *)"x", 1) != 0)
        fail("trimming is not off", "-");
    long corpus_roomy = 0, corpus_fallbacks = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        unsigned char *b = slurp(argv[i], &len);
        if (!b) {
            fail("cannot read", argv[i]);
            continue;
        }
        long r0 = roomy, f0 = roomy_fallbacks;
        fuzz_input(pl, b, len, argv[i], 40);
        corpus_roomy += roomy - r0;
        corpus_fallbacks += roomy_fallbacks - f0;
        free(b);
    }
    /* hostile inputs (skipped for the benchmark: PLUGIN_HARNESS_CORPUS_ONLY=1) */
    if (getenv("PLUGIN_HARNESS_CORPUS_ONLY"))
        goto done;
    fuzz_input(pl, (const unsigned char *)"", 0, "empty", 20);
    unsigned char *junk = malloc(65536);
    uint64_t s = 42;
    for (size_t i = 0; i < 65536; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        junk[i] = (unsigned char)(s >> 56);
    }
    fuzz_input(pl, junk, 65536, "garbage", 20);
    free(junk);
    size_t big_len = 0, big_cap = 1100000;
    char *big = malloc(big_cap);
    for (int k = 0; big_len < 1000000; k++)
        big_len += (size_t)snprintf(big + big_len, big_cap - big_len,
                                    "static int f%d(int a, int b) { return a * %d + (b ^ a); }\n", k, k);
    fuzz_input(pl, (unsigned char *)big, big_len, "1MB", 10);
    free(big);
done:
    afl_custom_deinit(pl);

    printf("plugin_harness: %ld mutants (%ld fallback, %ld skipped); corpus files with room "
           "(max_size >= input): %ld mutants, %ld fallback\n",
           mutants, fallbacks, zero_returns, corpus_roomy, corpus_fallbacks);
    if (corpus_roomy > 0 && corpus_fallbacks * 10 > corpus_roomy)
        fail("more than 10% of corpus mutants came from the fallback", "corpus");
    if (failures)
        fprintf(stderr, "plugin_harness: %d failure(s)\n", failures);
    return failures ? 1 : 0;
}
