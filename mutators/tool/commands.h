/*
 * commands.h - the sub-commands of the mutsmith CLI; each takes the argv that
 * follows the sub-command name (argv[0] is the sub-command) and returns the
 * process exit code.
 */
#ifndef MUTSMITH_COMMANDS_H
#define MUTSMITH_COMMANDS_H

int cmd_list(int argc, char **argv);
int cmd_mutate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_fuzz(int argc, char **argv);
int cmd_triage(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_llm(int argc, char **argv);
int cmd_generate(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_accept(int argc, char **argv);
int cmd_reject(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_try(int argc, char **argv);

#endif
