/*
 * ask.c - one exchange with the model and its bookkeeping (gen.h): the
 * fresh two-message conversation (system prompt + one user prompt: never a
 * growing history), budgets checked before sending, tokens and cost counted
 * per stage and for the run, every exchange appended to the transcripts.
 * Also the small parsers of answers: an invention line, fenced code blocks.
 */
#include "gen.h"

#include "genutil.h"
#include "prompt.h"
#include "transcript.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const gen_stage_names[ST_COUNT] = {"invent", "implement", "fix", "tests"};

const char *gen_system_prompt(const gen_opts *o, char *err, size_t errlen)
{
    static char *sys;
    if (!sys)
        sys = prompt_render(o->src_root, "system", NULL, 0, err, errlen);
    return sys;
}

double gen_cost(const gen_opts *o, long prompt_tokens, long completion_tokens)
{
    double p = prompt_tokens > 0 ? (double)prompt_tokens : 0;
    double c = completion_tokens > 0 ? (double)completion_tokens : 0;
    return (p * o->price_in + c * o->price_out) / 1e6;
}

static int over_budget(const gen_opts *o, const gen_shared *sh)
{
    if (sh->stop)
        return 1;
    if (o->max_tokens > 0 && sh->prompt_tokens + sh->completion_tokens >= o->max_tokens)
        return 1;
    if (o->max_cost > 0 && sh->cost_usd >= o->max_cost)
        return 1;
    return 0;
}

int gen_ask(llm_backend *b, const gen_opts *o, gen_shared *sh, gen_tally *t, int stage,
            const char *candidate, const char *user_prompt, const char *transcript,
            llm_answer *ans, char *err, size_t errlen)
{
    const char *sys = gen_system_prompt(o, err, errlen);
    if (!sys)
        return -1;
    if (over_budget(o, sh)) {
        __atomic_store_n(&sh->stop, 1, __ATOMIC_SEQ_CST);
        snprintf(err, errlen, "budget reached");
        return -2;
    }
    llm_message msgs[2] = {{"system", sys}, {"user", user_prompt}};
    llm_request req = {gen_stage_names[stage], candidate ? candidate : "", msgs, 2, 0.2, 0};
    if (b->chat(b, &req, ans, err, errlen) != 0)
        return -1;
    long pt = ans->prompt_tokens > 0 ? ans->prompt_tokens : 0;
    long ct = ans->completion_tokens > 0 ? ans->completion_tokens : 0;
    t->queries[stage]++;
    t->prompt_tokens[stage] += pt;
    t->completion_tokens[stage] += ct;
    if (ans->cached) {
        t->cached[stage]++;
    } else {
        __atomic_add_fetch(&sh->prompt_tokens, pt, __ATOMIC_SEQ_CST);
        __atomic_add_fetch(&sh->completion_tokens, ct, __ATOMIC_SEQ_CST);
        __atomic_add_fetch(&sh->queries, 1, __ATOMIC_SEQ_CST);
        /* cost: a double in shared memory, updated by compare-and-swap */
        double add = gen_cost(o, pt, ct), old, new_;
        do {
            old = sh->cost_usd;
            new_ = old + add;
        } while (!__atomic_compare_exchange(&sh->cost_usd, &old, &new_, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST));
    }
    if (transcript && transcript_append(transcript, &req, ans) != 0)
        fprintf(stderr, "mutsmith: warning: cannot append to %s\n", transcript);
    char *run_log = gen_path(o->work, "transcript.jsonl");
    if (run_log && transcript_append(run_log, &req, ans) != 0)
        fprintf(stderr, "mutsmith: warning: cannot append to %s\n", run_log);
    free(run_log);
    return 0;
}

int gen_parse_invention(const char *answer, char *name, size_t namelen, char *desc,
                        size_t desclen)
{
    for (const char *line = answer; line && *line;) {
        const char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        const char *p = line, *end = line + len;
        while (p < end && (isspace((unsigned char)*p) || *p == '`' || *p == '*' || *p == '-'))
            p++;
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (colon) {
            const char *ne = colon;
            while (ne > p && (ne[-1] == '`' || ne[-1] == '*' || ne[-1] == ' '))
                ne--;
            size_t nl = (size_t)(ne - p);
            const char *d = colon + 1;
            while (d < end && isspace((unsigned char)*d))
                d++;
            const char *de = end;
            while (de > d && isspace((unsigned char)de[-1]))
                de--;
            if (nl > 0 && nl < namelen && de > d) {
                memcpy(name, p, nl);
                name[nl] = '\0';
                if (gen_valid_name(name)) {
                    size_t dl = (size_t)(de - d) < desclen - 1 ? (size_t)(de - d) : desclen - 1;
                    memcpy(desc, d, dl);
                    desc[dl] = '\0';
                    /* a description goes into a C string literal: no quotes or backslashes */
                    for (char *q = desc; *q; q++)
                        if (*q == '"' || *q == '\\')
                            *q = '\'';
                    return 0;
                }
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    return -1;
}

int gen_code_blocks(const char *answer, char ***out)
{
    int n = 0;
    char *code;
    *out = NULL;
    for (const char *p = answer; p && (code = llm_extract_code_next(p, &p)) != NULL;) {
        *out = realloc(*out, (size_t)(n + 1) * sizeof **out);
        (*out)[n++] = code;
    }
    return n;
}
