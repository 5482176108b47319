/*
 * cmd_list.c - `mutsmith list [--json]`: name and description of every
 * registered mutator.
 */
#include "commands.h"
#include "engine.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

int cmd_list(int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: mutsmith list [--json]\n"
                   "Print every mutator with its one-sentence description.\n"
                   "Mutators marked [invalid] produce invalid programs on purpose.\n");
            return 0;
        } else {
            ms_warn("list: unknown option '%s'", argv[i]);
            return 1;
        }
    }
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
