/*
 * astkinds.h - the Clang AST node kinds the installed libclang exposes,
 * grouped (declarations, expressions, statements, attributes) and filtered
 * to what C programs contain (no C++, Objective-C, OpenMP or OpenCL kinds:
 * they cost prompt tokens and invite mutators C inputs never trigger).
 */
#ifndef MUTSMITH_ASTKINDS_H
#define MUTSMITH_ASTKINDS_H

/* malloc'd text, one line per group: "Expressions: BinaryOperator, ..." */
char *astkinds_for_c(void);
/* The same lines with about `count` kinds drawn reproducibly from seed. */
char *astkinds_sample(unsigned long long seed, int count);

#endif
