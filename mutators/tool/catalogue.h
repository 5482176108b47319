/*
 * catalogue.h - the Markdown catalogue of the mutator library
 * (docs/MUTATORS.md): every mutator with its category and description and,
 * from a sweep's JSON, its verdict, applicability, validity and time.
 */
#ifndef MUTSMITH_CATALOGUE_H
#define MUTSMITH_CATALOGUE_H

#include <stdio.h>

/* Print the catalogue to f. sweep_json: the output of `mutsmith check
 * --json`, or NULL for a catalogue without figures (the columns hold "-").
 * Returns 0, or -1 with a message on stderr when the JSON cannot be read. */
int ms_catalogue_print(FILE *f, const char *sweep_json);

#endif
