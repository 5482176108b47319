/*
 * cmd_list.c - `mutsmith list [--json | --markdown [--sweep FILE]]`: name
 * and description of every registered mutator; --markdown prints the
 * catalogue (catalogue.c), with a sweep's figures when given its JSON.
 */
#include "catalogue.h"
#include "commands.h"
#include "engine.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int cmd_list(int argc, char **argv)
{
    int json = 0, markdown = 0;
    const char *sweep = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--markdown")) {
            markdown = 1;
        } else if (!strcmp(argv[i], "--sweep") && i + 1 < argc) {
            sweep = argv[++i];
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: mutsmith list [--json | --markdown [--sweep FILE]]\n"
                   "Print every mutator with its one-sentence description.\n"
                   "Mutators marked [invalid] produce invalid programs on purpose.\n"
                   "  --json           as JSON\n"
                   "  --markdown       the catalogue (docs/MUTATORS.md): categories, mutators\n"
                   "  --sweep FILE     with the figures of FILE, from `mutsmith check --json`\n");
            return 0;
        } else {
            ms_warn("list: unknown option '%s'", argv[i]);
            return 1;
        }
    }
    if (sweep && !markdown) {
        ms_warn("list: --sweep goes with --markdown");
        return 1;
    }
    if (json && markdown) {
        ms_warn("list: give --json or --markdown, not both");
        return 1;
    }
    if (markdown)
        return ms_catalogue_print(stdout, sweep) ? 1 : 0;
    if (json) {
        printf("[\n");
        for (int i = 0; i < ms_registry_count; i++) {
            const ms_mutator *m = ms_registry[i];
            printf("  {\"name\": ");
            ms_json_string(stdout, m->name);
            printf(", \"description\": ");
            ms_json_string(stdout, m->description);
            printf(", \"invalid_by_design\": %s}%s\n", (m->flags & MS_F_INVALID) ? "true" : "false",
                   i + 1 < ms_registry_count ? "," : "");
        }
        printf("]\n");
        return 0;
    }
    for (int i = 0; i < ms_registry_count; i++) {
        const ms_mutator *m = ms_registry[i];
        printf("%-28s %s%s\n", m->name, m->description,
               (m->flags & MS_F_INVALID) ? " [invalid]" : "");
    }
    return 0;
}
