/*
 * test_llm_json.c - unit tests of the transport-free half of the LLM client
 * (generator/llm_json.c): the canonical request body, response parsing and
 * its one-line reasons, server error messages, the configuration from the
 * environment, and extracting the first fenced code block of an answer.
 */
#include "harness.h"
#include "llm.h"

/* 1 if err contains what; prints err otherwise */
static int has(const char *err, const char *what)
{
    if (strstr(err, what))
        return 1;
    fprintf(stderr, "    expected \"%s\" in \"%s\"\n", what, err);
    return 0;
}

static void unit_should_build_a_deterministic_request_body(void)
{
    llm_message m[] = {{"system", "be \"brief\"\n"}, {"user", "write\tC"}};
    llm_request req = {"invent", "", m, 2, 0.5, 300};
    char *a = llm_request_body("gpt-x", &req);
    char *b = llm_request_body("gpt-x", &req);
    CHECK_STR(a, "{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"system\",\"content\":\"be "
                 "\\\"brief\\\"\\n\"},{\"role\":\"user\",\"content\":\"write\\tC\"}],"
                 "\"temperature\":0.5,\"max_tokens\":300,\"stream\":false}");
    CHECK_STR(a, b);
    free(a);
    free(b);
    /* server defaults: neither temperature nor max_tokens is sent */
    llm_request dflt = {"fix", "x", m + 1, 1, -1, 0};
    a = llm_request_body("m", &dflt);
    CHECK_STR(a, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"write\\tC\"}],"
                 "\"stream\":false}");
    free(a);
    /* temperature 0 is a choice, not the default */
    dflt.temperature = 0;
    a = llm_request_body("m", &dflt);
    CHECK(a && strstr(a, "\"temperature\":0,"));
    free(a);
}

static void unit_should_parse_an_answer_with_usage(void)
{
    const char *body =
        "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\\nthere\"},"
        "\"finish_reason\":\"length\"}],"
        "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46}}\n";
    llm_answer a;
    char err[256] = "";
    CHECK(llm_parse_response(body, strlen(body), &a, err, sizeof err) == 0);
    CHECK_STR(a.content, "hi\nthere");
    CHECK_STR(a.finish_reason, "length");
    CHECK(a.prompt_tokens == 12);
    CHECK(a.completion_tokens == 34);
    CHECK(a.cached == 0);
    llm_answer_free(&a);
    CHECK(a.content == NULL && a.finish_reason == NULL);
    llm_answer_free(&a); /* twice, and NULL: harmless */
    llm_answer_free(NULL);
}

static void unit_should_report_missing_usage_as_minus_one(void)
{
    const char *body = "{\"choices\":[{\"message\":{\"content\":\"\"}}]}";
    llm_answer a;
    char err[256] = "";
    CHECK(llm_parse_response(body, strlen(body), &a, err, sizeof err) == 0);
    CHECK_STR(a.content, "");
    CHECK(a.finish_reason == NULL);
    CHECK(a.prompt_tokens == -1 && a.completion_tokens == -1);
    llm_answer_free(&a);
}

static void unit_should_name_what_is_wrong_with_a_response(void)
{
    const char *full = "{\"choices\":[{\"message\":{\"content\":\"a long enough answer\"}}]}";
    struct {
        const char *body;
        size_t len; /* 0: strlen */
        const char *reason;
    } cases[] = {
        {"", 0, "empty response body"},
        {"  \r\n", 0, "empty response body"},
        {full, 30, "truncated body"},
        {"{\"choices\":[{\"message\":{\"content\":\"unfinished", 0, "truncated body"},
        {"{\"id\": \"x\", \"object\": chat.completion, \"choices\": []}", 0, "malformed JSON"},
        {"<html><body>Bad Gateway</body></html>", 0, "malformed JSON"},
        {"{\"choices\":[]} trailing", 0, "malformed JSON"},
        {"[1,2]", 0, "a JSON object was expected"},
        {"{\"choices\":[]}", 0, "no choices"},
        {"{\"object\":\"chat.completion\"}", 0, "no choices"},
        {"{\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"tool_calls\"}]}", 0,
         "no message content (finish_reason: tool_calls)"},
        {"{\"error\":{\"message\":\"  model\\n  overloaded \",\"type\":\"x\"}}", 0,
         "the server reported an error: model overloaded"},
        {"{\"error\":\"quota exceeded\"}", 0, "the server reported an error: quota exceeded"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        llm_answer a;
        char err[256] = "";
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].body);
        CHECK(llm_parse_response(cases[i].body, len, &a, err, sizeof err) == -1);
        CHECK(has(err, cases[i].reason));
        CHECK(strchr(err, '\n') == NULL);
        CHECK(a.content == NULL && a.finish_reason == NULL);
    }
}

static void unit_should_trim_long_server_messages_to_one_line(void)
{
    char body[2048], out[512];
    size_t n = (size_t)snprintf(body, sizeof body, "{\"error\":{\"message\":\"");
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(body + n, sizeof body - n, "line %02d\\n", i);
    snprintf(body + n, sizeof body - n, "\"}}");
    llm_error_message(body, strlen(body), out, sizeof out);
    CHECK(strncmp(out, "line 00 line 01 ", 16) == 0);
    CHECK(strchr(out, '\n') == NULL);
    CHECK(strlen(out) <= 203);
    CHECK(strcmp(out + strlen(out) - 3, "...") == 0);
    /* the other shapes servers use */
    const char *shapes[][2] = {
        {"{\"error\":\"plain\"}", "plain"},
        {"{\"object\":\"error\",\"message\":\"vllm says no\"}", "vllm says no"},
        {"{\"detail\":\"Not Found\"}", "Not Found"},
        {"Bad Gateway\r\n", "Bad Gateway"},
        {"{\"error\":{\"code\":\"invalid_api_key\"}}", "invalid_api_key"},
        {"{}", ""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        llm_error_message(shapes[i][0], strlen(shapes[i][0]), out, sizeof out);
        CHECK_STR(out, shapes[i][1]);
    }
    /* a cut never splits a UTF-8 sequence */
    char utf[1024] = "{\"message\":\"";
    for (int i = 0; i < 150; i++)
        strncat(utf, "\xc3\xa9", sizeof utf - strlen(utf) - 1); /* e acute */
    strncat(utf, "\"}", sizeof utf - strlen(utf) - 1);
    char small[64];
    llm_error_message(utf, strlen(utf), small, sizeof small);
    size_t sl = strlen(small);
    CHECK(sl > 3 && sl < sizeof small && strcmp(small + sl - 3, "...") == 0);
    CHECK((sl - 3) % 2 == 0);
}

static void unit_should_read_the_configuration_from_the_environment(void)
{
    const char *vars[] = {"MUTSMITH_LLM_URL", "MUTSMITH_LLM_MODEL", "MUTSMITH_LLM_KEY",
                          "OPENAI_API_KEY", "MUTSMITH_LLM_TIMEOUT", "MUTSMITH_LLM_RETRIES"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        unsetenv(vars[i]);
    llm_http_config c;
    llm_http_config_from_env(&c);
    CHECK_STR(c.url, "https://api.openai.com/v1");
    CHECK_STR(c.model, "gpt-4o-mini");
    CHECK(c.key == NULL);
    CHECK(c.timeout_s == 300 && c.connect_timeout_s == 10 && c.max_retries == 5);
    CHECK(c.backoff_s == 1 && c.max_backoff_s == 60);

    setenv("OPENAI_API_KEY", "sk-openai", 1);
    setenv("MUTSMITH_LLM_KEY", "", 1); /* empty: unset */
    setenv("MUTSMITH_LLM_URL", "http://127.0.0.1:8080/v1", 1);
    setenv("MUTSMITH_LLM_TIMEOUT", "7", 1);
    setenv("MUTSMITH_LLM_RETRIES", "0", 1);
    llm_http_config_from_env(&c);
    CHECK_STR(c.key, "sk-openai");
    CHECK_STR(c.url, "http://127.0.0.1:8080/v1");
    CHECK(c.timeout_s == 7 && c.max_retries == 0);

    setenv("MUTSMITH_LLM_KEY", "sk-mutsmith", 1);
    setenv("MUTSMITH_LLM_TIMEOUT", "7s", 1);   /* junk: ignored, with a warning */
    setenv("MUTSMITH_LLM_RETRIES", "-1", 1);
    llm_http_config_from_env(&c);
    CHECK_STR(c.key, "sk-mutsmith");
    CHECK(c.timeout_s == 300 && c.max_retries == 5);
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        unsetenv(vars[i]);
}

static void unit_should_extract_the_first_code_block(void)
{
    struct {
        const char *answer, *code; /* code NULL: no block */
    } cases[] = {
        {"Here:\n```c\nint x;\n```\nDone.", "int x;\n"},
        {"```\nint y;\n\nint z;\n```", "int y;\n\nint z;\n"},
        {"```C\na\n```\n```c\nb\n```\n", "a\n"},
        {"Text\r\n```c\r\nint x;\r\nint y;\r\n```\r\nmore\r\n", "int x;\nint y;\n"},
        {"1. step\n   ```c\n   int x;\n     y();\n   ```\n", "int x;\n  y();\n"},
        {"  ```c\nint x;\n```", "int x;\n"},   /* a shallower line keeps what it has */
        {"````c\n```\nnested\n```\n````\n", "```\nnested\n```\n"},
        {"```c\n```\n", ""},
        {"```c\nint x;\n```   \n", "int x;\n"},
        {"```c\nint x;\n```not a close\n```", "int x;\n```not a close\n"},
        {"no code at all", NULL},
        {"", NULL},
        {"```c\nint x;\n", NULL},            /* unterminated: the answer has no block */
        {"```c\nint x;\n``", NULL},
        {"```c", NULL},
        {"inline ``` fences ``` are not blocks", NULL},
        {"use `x` or ``y``", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = llm_extract_code(cases[i].answer);
        if (cases[i].code) {
            CHECK_STR(got, cases[i].code);
        } else if (got) {
            CHECK(got == NULL);
            fprintf(stderr, "    case %zu gave \"%s\"\n", i, got);
        }
        free(got);
    }
    CHECK(llm_extract_code(NULL) == NULL);
}

int main(void)
{
    RUN(unit_should_build_a_deterministic_request_body);
    RUN(unit_should_parse_an_answer_with_usage);
    RUN(unit_should_report_missing_usage_as_minus_one);
    RUN(unit_should_name_what_is_wrong_with_a_response);
    RUN(unit_should_trim_long_server_messages_to_one_line);
    RUN(unit_should_read_the_configuration_from_the_environment);
    RUN(unit_should_extract_the_first_code_block);
    FINISH();
}
