/*
 * fallback.h - byte- and line-level mutations of C text that need no parse.
 * The plugin uses them when an entry does not parse or no mutator applies,
 * because a custom mutator that keeps returning nothing makes afl-fuzz spin
 * without executing anything.
 */
#ifndef MUTSMITH_FALLBACK_H
#define MUTSMITH_FALLBACK_H

#include <stddef.h>
#include <stdint.h>

/* Write a mutant of in[0..len) into *buf (grown as needed, caller owns it)
 * that differs from the input and is at most max_size bytes. Returns its
 * length (0 only when max_size is 0 or memory ran out); *desc names the
 * operation. */
size_t fb_mutate(const unsigned char *in, size_t len, size_t max_size, uint64_t *rng,
                 unsigned char **buf, size_t *cap, const char **desc);

#endif
