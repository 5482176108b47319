/*
 * category.h - the category of a mutator (expressions, statements, control
 * flow, ...), derived from the words of its name by one ordered table, so
 * the catalogue (docs/MUTATORS.md) groups the library reproducibly without
 * any field in the mutators themselves.
 */
#ifndef MUTSMITH_CATEGORY_H
#define MUTSMITH_CATEGORY_H

/* The category of the mutator called name; "other" when no word matches.
 * Never NULL; the string is static. */
const char *ms_category(const char *name);

/* Every category ms_category can return, in catalogue order, NULL-terminated. */
extern const char *const ms_categories[];

#endif
