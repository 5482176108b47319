/*
 * registry.c - the table of every mutator, built from the X-macro list that
 * make generates from the file names in mutators/ (build/gen/registry.def).
 * A mutator whose MS_MUTATOR name differs from its file stem fails to link.
 */
#include "engine.h"

#include <string.h>

#define X(name) extern const ms_mutator ms_mutator_##name;
#include "registry.def"
#undef X

const ms_mutator *const ms_registry[] = {
#define X(name) &ms_mutator_##name,
#include "registry.def"
#undef X
    NULL};

const int ms_registry_count = (int)(sizeof ms_registry / sizeof ms_registry[0]) - 1;

const ms_mutator *ms_registry_find(const char *name)
{
    for (int i = 0; i < ms_registry_count; i++)
        if (strcmp(ms_registry[i]->name, name) == 0)
            return ms_registry[i];
    return NULL;
}
