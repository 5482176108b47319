/*
 * main.c - the mutsmith command: dispatch to a sub-command, global --help
 * and --version.
 */
#include "commands.h"
#include "engine.h"

#include <stdio.h>
#include <string.h>

#define MS_VERSION "0.1.0"

static void usage(FILE *f)
{
    fprintf(f,
            "mutsmith %s - semantic-aware C mutators on libclang, for compiler fuzzing\n"
            "\n"
            "usage: mutsmith <command> [options]\n"
            "\n"
            "commands:\n"
            "  list     [--json]                     the mutators and what they do\n"
            "  mutate   (-m NAME | --random) FILE    write one mutant of FILE\n"
            "  check    [NAME...] [--corpus DIR]     validate mutators over a corpus\n"
            "  fuzz     [--target clang|PATH] ...    run an AFL++ campaign with the mutators\n"
            "  triage   OUT                          re-run, bucket and reduce a campaign's crashes\n"
            "  report   OUT                          Markdown/HTML report with plots\n"
            "  llm      [options] PROMPT|-           one chat request, to check an LLM endpoint\n"
            "  generate [-n N] [--llm ...] ...       let an LLM invent and write new mutators\n"
            "  review                                the candidates waiting for review\n"
            "  show     NAME                         a candidate's code, figures and diffs\n"
            "  accept   NAME                         move a candidate into the library\n"
            "  reject   NAME --reason TEXT           record a candidate as rejected\n"
            "  tokens   TRANSCRIPT|DIR...            queries and tokens per stage and candidate\n"
            "  try      FILE.c [--corpus DIR]        compile and validate one mutator as a candidate\n"
            "\n"
            "Commands that parse C take extra compiler arguments after `--`,\n"
            "e.g.  mutsmith mutate --random prog.c -- -I/usr/include/csmith\n"
            "Run `mutsmith <command> --help` for the options of one command.\n",
            MS_VERSION);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    ms_parse_guard_install();
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("mutsmith %s (%d mutators, libclang: ", MS_VERSION, ms_registry_count);
        CXString v = clang_getClangVersion();
        printf("%s)\n", clang_getCString(v));
        clang_disposeString(v);
        return 0;
    }
    if (!strcmp(cmd, "list"))
        return cmd_list(argc - 1, argv + 1);
    if (!strcmp(cmd, "mutate"))
        return cmd_mutate(argc - 1, argv + 1);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "fuzz"))
        return cmd_fuzz(argc - 1, argv + 1);
    if (!strcmp(cmd, "triage"))
        return cmd_triage(argc - 1, argv + 1);
    if (!strcmp(cmd, "report"))
        return cmd_report(argc - 1, argv + 1);
    if (!strcmp(cmd, "llm"))
        return cmd_llm(argc - 1, argv + 1);
    if (!strcmp(cmd, "generate"))
        return cmd_generate(argc - 1, argv + 1);
    if (!strcmp(cmd, "review"))
        return cmd_review(argc - 1, argv + 1);
    if (!strcmp(cmd, "show"))
        return cmd_show(argc - 1, argv + 1);
    if (!strcmp(cmd, "accept"))
        return cmd_accept(argc - 1, argv + 1);
    if (!strcmp(cmd, "tokens"))
        return cmd_tokens(argc - 1, argv + 1);
    if (!strcmp(cmd, "reject"))
        return cmd_reject(argc - 1, argv + 1);
    if (!strcmp(cmd, "try"))
        return cmd_try(argc - 1, argv + 1);
    fprintf(stderr, "mutsmith: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return 1;
}
