/*
 * test_prompt.c - unit tests of the generator's prompt building: template
 * rendering (generator/prompt.c: values, {{file:}} and the compacting
 * {{code:}} include, errors for unknown placeholders) and the reproducible
 * sample of AST node kinds the invention prompt shows (generator/astkinds.c).
 */
#include "harness.h"
#include "astkinds.h"
#include "genutil.h"
#include "prompt.h"

#include <unistd.h>

/* a source tree in a temporary directory holding templates/t.md and a.h */
static char root[64];

static void put(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs(text, f);
    fclose(f);
}

static void unit_should_fill_placeholders_and_compact_included_code(void)
{
    put("a.h", "/*\n * purpose paragraph\n * of two lines\n */\n#ifndef A_H\n#define A_H\n"
               "#include <stddef.h>\n\n/* ---- section ---- */\n/* one-line comment */\n"
               "int f(int x);      /* trailing */\n    int   g;\n"
               "const char *s = \"a  /* b */\";\n#endif\n");
    put("templates/t.md", "N={{name}} V={{value}}\n{{code:a.h}}{{file:a.h}}");
    prompt_var v[] = {{"name", "swap_x"}, {"value", "{{not re-scanned}}"}};
    char err[256] = "";
    char *s = prompt_render(root, "t", v, 2, err, sizeof err);
    CHECK(s != NULL);
    if (!s)
        return;
    const char *compact = "N=swap_x V={{not re-scanned}}\n/* ---- section ---- */\n"
                          "int f(int x);\n    int g;\nconst char *s = \"a  /* b */\";\n";
    CHECK(strncmp(s, compact, strlen(compact)) == 0);
    /* {{file:}} includes verbatim, after the compacted copy */
    CHECK(strstr(s + strlen(compact), "purpose paragraph") != NULL);
    free(s);
}

static void unit_should_refuse_unknown_placeholders_and_missing_files(void)
{
    char err[256] = "";
    put("templates/u.md", "x {{nothing}} y");
    CHECK(prompt_render(root, "u", NULL, 0, err, sizeof err) == NULL);
    CHECK(strstr(err, "{{nothing}}") != NULL);
    put("templates/w.md", "{{file:missing.txt}}");
    CHECK(prompt_render(root, "w", NULL, 0, err, sizeof err) == NULL);
    CHECK(strstr(err, "missing.txt") != NULL);
    put("templates/z.md", "open {{name");
    CHECK(prompt_render(root, "z", NULL, 0, err, sizeof err) == NULL);
    CHECK(strstr(err, "unterminated") != NULL);
    CHECK(prompt_render(root, "absent", NULL, 0, err, sizeof err) == NULL);
}

static int commas(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == ',';
    return n;
}

static void unit_should_sample_node_kinds_reproducibly(void)
{
    char *all = astkinds_for_c();
    char *a = astkinds_sample(42, 30), *b = astkinds_sample(42, 30), *c = astkinds_sample(43, 30);
    CHECK(strstr(all, "BinaryOperator") && strstr(all, "IfStmt"));
    CHECK(!strstr(all, "CXX") && !strstr(all, "ObjC") && !strstr(all, "OMP"));
    CHECK(!strstr(all, "Unexposed") && !strstr(all, ": \n"));
    CHECK_STR(a, b);
    CHECK(strcmp(a, c) != 0);
    /* exactly 30 kinds: one comma fewer than kinds on each group line */
    int lines = 0;
    for (const char *p = a; *p; p++)
        lines += *p == '\n';
    CHECK(commas(a) + lines == 30);
    CHECK(strlen(a) < strlen(all) * 3 / 4);
    free(all);
    free(a);
    free(b);
    free(c);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/mutsmith-prompt-XXXXXX");
    if (!mkdtemp(root))
        return 1;
    char t[128];
    snprintf(t, sizeof t, "%s/templates", root);
    gen_mkdirs(t);
    RUN(unit_should_fill_placeholders_and_compact_included_code);
    RUN(unit_should_refuse_unknown_placeholders_and_missing_files);
    RUN(unit_should_sample_node_kinds_reproducibly);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    FINISH();
}
