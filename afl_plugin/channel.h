/*
 * channel.h - what the AFL++ plugin (inside afl-fuzz) and its worker process
 * share: one shared-memory region (a header, the input being mutated, and a
 * batch of mutants) and two pipes for one-byte commands and replies.
 *
 * The header also tells the plugin what the worker is doing right now (which
 * mutator, since when), so that a crash or a timeout can be pinned on the
 * mutator that caused it even though the worker is gone.
 */
#ifndef MUTSMITH_CHANNEL_H
#define MUTSMITH_CHANNEL_H

#include <stddef.h>
#include <stdint.h>

#define CH_MAX_MUTATORS 512
#define CH_INPUT_MAX ((size_t)4 << 20)  /* largest entry the worker parses */
#define CH_OUTPUT_MAX ((size_t)64 << 20) /* two halves: one batch each */
#define CH_OUTPUT_HALF (CH_OUTPUT_MAX / 2)
#define CH_DESC_MAX 64
#define CH_IDLE UINT32_MAX

enum ch_cmd {
    CH_PARSE = 'P',   /* parse the input area; fill nsites[] */
    CH_MUTATE = 'M',  /* fill the output area with a batch of mutants */
    CH_PARSED = 'p',
    CH_MUTATED = 'm',
};

/* Phases the worker announces, for fault attribution. */
enum ch_phase { CH_PH_IDLE = 0, CH_PH_PARSE, CH_PH_MUTATE };

typedef struct ch_header {
    /* written by the worker while it works */
    volatile uint32_t phase;
    volatile uint32_t cur_mutator; /* index in the registry, or CH_IDLE */
    volatile uint64_t started_ns;  /* CLOCK_MONOTONIC when the step began */
    /* request (plugin -> worker) */
    uint64_t in_len;
    uint64_t seed;
    uint32_t batch;       /* mutants wanted */
    uint32_t stack_max;   /* 1..k mutations per mutant */
    uint32_t out_half;    /* which half of the output area to fill (0, 1) */
    uint64_t max_size;
    uint8_t enabled[CH_MAX_MUTATORS]; /* 0 = quarantined or not selected */
    float weight[CH_MAX_MUTATORS];
    /* reply (worker -> plugin) */
    uint32_t parse_ok;
    uint32_t nsites[CH_MAX_MUTATORS];
    uint32_t nout;        /* mutants in the output area */
    uint64_t out_used;
    uint64_t mutate_ns;   /* time spent in ms_run for this batch */
    uint64_t busy_ns;     /* time from command to reply inside the worker */
    uint64_t worker_rss_kb;
} ch_header;

/* Output area: two halves, so the worker can fill one while AFL consumes the
 * other. A half holds nout records { ch_record; bytes[len]; } 8-byte aligned. */
typedef struct ch_record {
    uint64_t len;
    char desc[CH_DESC_MAX]; /* "mutator" or "mutator+mutator" */
} ch_record;

typedef struct ch_shared {
    ch_header *hdr;
    unsigned char *input;  /* CH_INPUT_MAX bytes */
    unsigned char *output; /* CH_OUTPUT_MAX bytes */
    void *base;
    size_t size;
} ch_shared;

int ch_map(ch_shared *sh);
void ch_unmap(ch_shared *sh);
uint64_t ch_now_ns(void);

/* The worker's main loop: serve commands from cmd_fd, answer on rep_fd,
 * until EOF. Never returns. */
void ch_worker_main(ch_shared *sh, int cmd_fd, int rep_fd) __attribute__((noreturn));

#endif
