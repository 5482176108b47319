/*
 * llm_manual.c - the "manual" backend: for people who only have a chat
 * window (and for driving the pipeline by hand). Each request is written to
 * DIR/<stage>-<candidate>-<hash>.prompt.md; the run waits until
 * DIR/<...>.answer.md exists and has stopped growing, and takes it as the
 * answer. File names depend only on the request, so an interrupted run that
 * is started again waits for the same file. Token counts are estimates
 * (4 characters per token), since no server reports them.
 */
#include "cache.h"
#include "genutil.h"
#include "llm.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct manual {
    llm_backend base;
    char *dir;
    double poll_s;
} manual;

static void sleep_s(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

static long estimate_tokens(size_t chars)
{
    return (long)((chars + 3) / 4);
}

static int manual_chat(llm_backend *b, const llm_request *req, llm_answer *ans, char *err,
                       size_t errlen)
{
    manual *m = (manual *)b;
    char key[65];
    llm_request_key("", req, key);
    key[12] = '\0';
    gbuf base = {0};
    gbuf_printf(&base, "%s/%s-%s-%s", m->dir, req->stage ? req->stage : "query",
                req->candidate && *req->candidate ? req->candidate : "run", key);
    char *prompt_path = NULL, *answer_path = NULL;
    {
        gbuf p = {0};
        gbuf_printf(&p, "%s.prompt.md", base.s);
        prompt_path = gbuf_take(&p);
        gbuf_printf(&p, "%s.answer.md", base.s);
        answer_path = gbuf_take(&p);
    }
    gbuf_free(&base);

    size_t prompt_chars = 0;
    if (!gen_exists(prompt_path)) {
        gbuf t = {0};
        for (size_t i = 0; i < req->nmsgs; i++) {
            gbuf_printf(&t, "<!-- %s -->\n", req->msgs[i].role);
            gbuf_puts(&t, req->msgs[i].content);
            gbuf_puts(&t, "\n\n");
        }
        prompt_chars = t.len;
        if (gen_write_atomic(prompt_path, t.s, t.len) != 0) {
            snprintf(err, errlen, "manual: cannot write %s: %s", prompt_path, strerror(errno));
            gbuf_free(&t);
            free(prompt_path);
            free(answer_path);
            return -1;
        }
        gbuf_free(&t);
    } else {
        for (size_t i = 0; i < req->nmsgs; i++)
            prompt_chars += strlen(req->msgs[i].content);
    }
    if (!gen_exists(answer_path))
        fprintf(stderr,
                "mutsmith: manual backend: answer the prompt in\n  %s\nby writing the whole "
                "answer to\n  %s\n(waiting; Ctrl-C stops, a re-run resumes here)\n",
                prompt_path, answer_path);
    long last = -1;
    for (;;) {
        struct stat st;
        if (stat(answer_path, &st) == 0 && st.st_size > 0) {
            if ((long)st.st_size == last)
                break;
            last = (long)st.st_size;
        }
        sleep_s(m->poll_s);
    }
    size_t len;
    char *text = gen_slurp(answer_path, &len);
    if (!text) {
        snprintf(err, errlen, "manual: cannot read %s: %s", answer_path, strerror(errno));
        free(prompt_path);
        free(answer_path);
        return -1;
    }
    memset(ans, 0, sizeof *ans);
    ans->content = text;
    ans->finish_reason = strdup("stop");
    ans->prompt_tokens = estimate_tokens(prompt_chars);
    ans->completion_tokens = estimate_tokens(len);
    ans->attempts = 1;
    free(prompt_path);
    free(answer_path);
    return 0;
}

static void manual_destroy(llm_backend *b)
{
    manual *m = (manual *)b;
    free(m->dir);
    free(m);
}

llm_backend *llm_manual_new(const char *dir, double poll_s)
{
    if (gen_mkdirs(dir) != 0)
        return NULL;
    manual *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->base.name = "manual";
    m->base.chat = manual_chat;
    m->base.destroy = manual_destroy;
    m->dir = strdup(dir);
    m->poll_s = poll_s > 0 ? poll_s : 1.0;
    return &m->base;
}
