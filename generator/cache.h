/*
 * cache.h - the response cache: every answer is stored on disk under the
 * SHA-256 of (model identity, request body) before it is used, so a re-run
 * or a resumed run pays no tokens for work already done. Wraps any backend.
 */
#ifndef MUTSMITH_CACHE_H
#define MUTSMITH_CACHE_H

#include "llm.h"

/* The request's key: hex SHA-256 of model_id "\n" body. */
void llm_request_key(const char *model_id, const llm_request *req, char key[65]);

/* A backend answering from dir when it can, else asking inner and storing
 * the answer (atomically) first. Takes ownership of inner. */
llm_backend *llm_cache_new(llm_backend *inner, const char *dir, const char *model_id);

#endif
