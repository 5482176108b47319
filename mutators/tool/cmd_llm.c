/*
 * cmd_llm.c - `mutsmith llm PROMPT`: send one chat request through the HTTP
 * backend and print the answer, so a user can check an endpoint, a model
 * and a key before running the generator. The answer goes to stdout; the
 * token counts and attempts, or a one-line error, to stderr.
 * Exit: 0 answered, 1 error, 2 usage.
 */
#include "commands.h"
#include "llm.h"
#include "util.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: mutsmith llm [options] PROMPT|-\n"
            "\n"
            "Send PROMPT (or standard input, with -) as one chat request to the\n"
            "OpenAI-compatible server the generator uses, and print the answer.\n"
            "The server comes from the environment:\n"
            "  MUTSMITH_LLM_URL      base URL ending in /v1 (default https://api.openai.com/v1)\n"
            "  MUTSMITH_LLM_MODEL    model name (default gpt-4o-mini)\n"
            "  MUTSMITH_LLM_KEY      API key, else OPENAI_API_KEY; none: no Authorization header\n"
            "  MUTSMITH_LLM_TIMEOUT  seconds for one request (default 300)\n"
            "  MUTSMITH_LLM_RETRIES  retries on 429, 5xx, timeouts and resets (default 5)\n"
            "options:\n"
            "  --url U           instead of MUTSMITH_LLM_URL\n"
            "  --model M         instead of MUTSMITH_LLM_MODEL\n"
            "  --timeout S       instead of MUTSMITH_LLM_TIMEOUT\n"
            "  --system TEXT     a system message before the prompt\n"
            "  --max-tokens N    cap on the answer's length in tokens\n"
            "  -h, --help        this text\n"
            "Prints \"llm: N prompt + M completion tokens, K attempt(s)\" on stderr.\n"
            "Exit: 0 answered, 1 error, 2 usage.\n");
}

static int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int bad_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mutsmith llm: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (see mutsmith llm --help)\n", stderr);
    va_end(ap);
    return 2;
}

static void print_count(long n)
{
    if (n < 0)
        fputs("?", stderr);
    else
        fprintf(stderr, "%ld", n);
}

int cmd_llm(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'},     {"model", required_argument, NULL, 'm'},
        {"timeout", required_argument, NULL, 't'}, {"system", required_argument, NULL, 's'},
        {"max-tokens", required_argument, NULL, 'n'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    llm_http_config cfg;
    llm_http_config_from_env(&cfg);
    const char *system = NULL;
    unsigned long long v;
    int max_tokens = 0, c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'u': cfg.url = optarg; break;
        case 'm': cfg.model = optarg; break;
        case 's': system = optarg; break;
        case 't':
            if (ms_parse_uint(optarg, &v) != 0 || v == 0 || v > 86400)
                return bad_usage("--timeout wants seconds from 1 to 86400, not '%s'", optarg);
            cfg.timeout_s = (long)v;
            break;
        case 'n':
            if (ms_parse_uint(optarg, &v) != 0 || v == 0 || v > 10000000)
                return bad_usage("--max-tokens wants a positive count, not '%s'", optarg);
            max_tokens = (int)v;
            break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind != argc - 1) {
        return bad_usage("%s", optind == argc ? "no prompt given" : "one prompt only, in quotes");
    }

    char err[1024];
    char *prompt = NULL;
    size_t plen;
    if (!strcmp(argv[optind], "-")) {
        if (ms_read_file("-", &prompt, &plen, err, sizeof err) != 0) {
            fprintf(stderr, "mutsmith llm: %s\n", err);
            return 1;
        }
    } else if (!(prompt = strdup(argv[optind]))) {
        fputs("mutsmith llm: out of memory\n", stderr);
        return 1;
    }

    llm_message msgs[2];
    size_t n = 0;
    if (system)
        msgs[n++] = (llm_message){"system", system};
    msgs[n++] = (llm_message){"user", prompt};
    llm_request req = {"check", "", msgs, n, -1, max_tokens};
    llm_answer ans;
    memset(&ans, 0, sizeof ans);
    int rc = 1;
    llm_backend *b = llm_http_new(&cfg);
    if (!b) {
        fputs("mutsmith llm: cannot set up the HTTP client (out of memory or libcurl failed)\n",
              stderr);
        goto done;
    }
    if (b->chat(b, &req, &ans, err, sizeof err) != 0) {
        fprintf(stderr, "mutsmith llm: %s\n", err);
        goto done;
    }
    size_t len = strlen(ans.content);
    fwrite(ans.content, 1, len, stdout);
    if (len == 0 || ans.content[len - 1] != '\n')
        fputc('\n', stdout);
    if (fflush(stdout) != 0) {
        fputs("mutsmith llm: cannot write the answer to stdout\n", stderr);
        goto done;
    }
    fputs("llm: ", stderr);
    print_count(ans.prompt_tokens);
    fputs(" prompt + ", stderr);
    print_count(ans.completion_tokens);
    fprintf(stderr, " completion tokens, %d attempt(s)\n", ans.attempts);
    rc = 0;
done:
    llm_answer_free(&ans);
    if (b)
        b->destroy(b);
    free(prompt);
    return rc;
}
