/*
 * triage_campaign.h - the campaign's command as `mutsmith triage` needs it:
 * OUT/campaign.cmd parsed (target, arguments with `@@`, environment, time
 * limit), the argv/envp of one run of the target on a file, and the same
 * command written as a stand-alone shell script.
 */
#ifndef MUTSMITH_TRIAGE_CAMPAIGN_H
#define MUTSMITH_TRIAGE_CAMPAIGN_H

#include <stdio.h>

typedef struct ms_tri_campaign {
    char *kind;        /* "clang" or "other" */
    char *target;      /* the executable */
    char **args;       /* arguments in order; "@@" stands for the input file */
    int nargs;
    char **env;        /* "KEY=VALUE" lines of campaign.cmd */
    int nenv;
    char **envp;       /* the process environment with env applied */
    unsigned long timeout_ms;
    int crash_exitcode; /* AFL_CRASH_EXITCODE from env, or -1 */
    int file_arg;      /* 1 when an argument holds "@@", else input on stdin */
} ms_tri_campaign;

/* The absolute path of name found in $PATH, malloc'd, or NULL. */
char *ms_tri_find_program(const char *name);

/* Parse OUT/campaign.cmd (a target given without a '/' is looked up in
 * PATH). Returns 0, or -1 with a message in err.
 * *out is owned by the caller: ms_tri_campaign_free. */
int ms_tri_campaign_load(ms_tri_campaign **out, const char *outdir, char *err, size_t errlen);
void ms_tri_campaign_free(ms_tri_campaign *c);

/* argv (NULL-terminated) for one run on file; caller frees with
 * ms_tri_argv_free. */
char **ms_tri_campaign_argv(const ms_tri_campaign *c, const char *file);
void ms_tri_argv_free(char **argv);

/* Write "'s'" quoted for /bin/sh. */
void ms_tri_shell_quote(FILE *f, const char *s);

/* Write a runnable /bin/sh script running the campaign's command on the file
 * given as $1, default default_file (relative to the script's directory). */
void ms_tri_campaign_write_script(FILE *f, const ms_tri_campaign *c, const char *default_file);

#endif
