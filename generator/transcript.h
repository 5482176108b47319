/*
 * transcript.h - every exchange with the model, appended as one JSON line
 * (stage, candidate, request hash, messages, answer, tokens, whether it came
 * from the cache) to a JSON Lines file. Transcripts are what a reviewer
 * reads, what `--llm replay` answers from, and test fixtures.
 */
#ifndef MUTSMITH_TRANSCRIPT_H
#define MUTSMITH_TRANSCRIPT_H

#include "llm.h"

/* The model-independent hash a transcript records for a request. */
void transcript_request_hash(const llm_request *req, char hash[65]);

/* Append one line; 0 or -1 (errno). A line is written with one write(2) on
 * an O_APPEND descriptor, so concurrent writers do not interleave. */
int transcript_append(const char *path, const llm_request *req, const llm_answer *ans);

#endif
