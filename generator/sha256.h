/*
 * sha256.h - SHA-256 (FIPS 180-4), used to key the response cache and the
 * transcripts by request. Small and dependency-free.
 */
#ifndef MUTSMITH_SHA256_H
#define MUTSMITH_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t total;
    unsigned char block[64];
    size_t fill;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, unsigned char digest[32]);
/* hex of the digest of data: out must hold 65 bytes */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
