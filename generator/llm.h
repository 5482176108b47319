/*
 * llm.h - talking to a language model. One request type, one answer type,
 * and backends behind a small vtable: "http" (OpenAI-compatible chat
 * completions over libcurl: OpenAI, DeepSeek, vLLM, llama.cpp's server,
 * Ollama's /v1), "manual" (prompt written to a file, the answer read from
 * another) and "replay" (answers from a recorded transcript). The response
 * cache (cache.h) wraps any backend. Errors are one line, never contain the
 * API key, and say what to do.
 */
#ifndef MUTSMITH_LLM_H
#define MUTSMITH_LLM_H

#include <stddef.h>

typedef struct llm_message {
    const char *role;    /* "system", "user", "assistant" */
    const char *content;
} llm_message;

typedef struct llm_request {
    const char *stage;     /* "invent", "implement", "fix", "tests": logs, replay */
    const char *candidate; /* candidate name or "" (invention): logs, replay */
    const llm_message *msgs;
    size_t nmsgs;
    double temperature;    /* < 0: server default */
    int max_tokens;        /* completion cap, 0: server default */
} llm_request;

typedef struct llm_answer {
    char *content;          /* malloc'd assistant text */
    char *finish_reason;    /* malloc'd or NULL */
    long prompt_tokens;     /* from "usage"; -1 if the server sent none */
    long completion_tokens;
    int cached;             /* 1: served from the cache, cost nothing now */
    int attempts;           /* HTTP attempts made (retries + 1) */
} llm_answer;

void llm_answer_free(llm_answer *a);

/* Configuration of the HTTP backend, from the environment and flags. */
typedef struct llm_http_config {
    const char *url;        /* base URL, ".../v1"; "/chat/completions" is appended */
    const char *model;
    const char *key;        /* NULL or "": no Authorization header */
    long timeout_s;         /* whole request, default 300 */
    long connect_timeout_s; /* default 10 */
    int max_retries;        /* on 429, 5xx, timeouts, resets; default 5 */
    double backoff_s;       /* first backoff, doubled each retry; default 1 */
    double max_backoff_s;   /* cap for backoff and Retry-After; default 60 */
} llm_http_config;

/* Fill cfg from MUTSMITH_LLM_URL (default https://api.openai.com/v1),
 * MUTSMITH_LLM_MODEL (default gpt-4o-mini), MUTSMITH_LLM_KEY (falling back
 * to OPENAI_API_KEY), MUTSMITH_LLM_TIMEOUT (seconds) and
 * MUTSMITH_LLM_RETRIES; defaults for the rest. Empty variables count as
 * unset; a malformed number is ignored with a warning on stderr. Strings
 * point into the environment. */
void llm_http_config_from_env(llm_http_config *cfg);

typedef struct llm_backend llm_backend;
struct llm_backend {
    const char *name; /* "http", "manual", "replay", "cache" */
    /* 0 and *ans filled, or -1 with a one-line message in err. */
    int (*chat)(llm_backend *b, const llm_request *req, llm_answer *ans, char *err, size_t errlen);
    void (*destroy)(llm_backend *b);
};

/* llm_http.c; copies cfg's strings; NULL on out of memory or when libcurl
 * cannot initialise. One backend may serve several threads at once. */
llm_backend *llm_http_new(const llm_http_config *cfg);
llm_backend *llm_manual_new(const char *dir, double poll_s);      /* llm_manual.c */
llm_backend *llm_replay_new(const char *transcript, char *err, size_t errlen); /* llm_replay.c */

/* The canonical request body (JSON, what the HTTP backend POSTs, minus
 * nothing: no key in it), malloc'd. The cache hashes it. */
char *llm_request_body(const char *model, const llm_request *req);

/* Parse a chat-completions response body. 0, or -1 with a one-line reason
 * ("malformed JSON", "no choices", "truncated body", ...). */
int llm_parse_response(const char *body, size_t len, llm_answer *ans, char *err, size_t errlen);

/* The message of an error response body ({"error":{"message":..}},
 * {"error":".."}, {"message":..}, {"detail":..}, or else the text itself),
 * as one line of at most about 200 characters, into out; "" if none. */
void llm_error_message(const char *body, size_t len, char *out, size_t outlen);

/* The content of the first fenced code block of an answer (``` or ```c
 * fences, possibly indented, CRLF or LF; the fence's indentation is removed
 * from the block's lines and line ends become LF), malloc'd; "" for an empty
 * block. NULL when the answer has no complete block (an opening fence without
 * its closing fence counts as none) or on out of memory. */
char *llm_extract_code(const char *answer);
/* The same, starting at answer; *rest gets where the next block may start
 * (NULL after the last line), for answers holding several blocks. */
char *llm_extract_code_next(const char *answer, const char **rest);

#endif
