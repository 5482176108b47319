/*
 * report_campaign.h - loading what `mutsmith report` needs from a campaign
 * output directory: campaign.cmd, and per instance directory (one holding a
 * fuzzer_stats file) the fuzzer_stats key/value pairs and the plot_data
 * time series. Everything is optional and half-written files are tolerated.
 */
#ifndef MUTSMITH_REPORT_CAMPAIGN_H
#define MUTSMITH_REPORT_CAMPAIGN_H

#include "report_util.h"

#include <stddef.h>

/* plot_data columns the report uses */
enum { PC_TIME, PC_EDGES, PC_CORPUS, PC_EPS, PC_CRASHES, PC_HANGS, PC_EXECS, PC_N };

typedef struct rp_kv {
    char *key, *val;
} rp_kv;

typedef struct rp_instance {
    char *name; /* directory name: main, s1, ... */
    char *dir;  /* OUT/name */
    rp_kv *kv;  /* fuzzer_stats */
    int nkv;
    double (*rows)[PC_N]; /* plot_data rows; NAN = missing */
    size_t nrows;
    int has_col[PC_N];  /* the plot_data header named the column */
    int plot_present;   /* plot_data exists */
    int plot_bad_lines; /* lines that were skipped */
} rp_instance;

typedef struct rp_campaign {
    char *out;      /* OUT as given */
    int have_cmd;   /* campaign.cmd was read */
    int version;    /* 0 = no version line */
    char *kind, *target, *flags; /* NULL when absent */
    rp_strlist args, env;
    long long timeout_ms, map_size, instances; /* -1 when absent */
    int guided;     /* 1, 0, or -1 when campaign.cmd does not say */
    rp_instance *inst;
    int ninst;
    rp_strlist notes; /* problems found while reading, for the report */
} rp_campaign;

/* Load OUT. Returns 0, or -1 with a message in err when OUT cannot be read. */
int rp_campaign_load(rp_campaign *c, const char *out, char *err, size_t errlen);
void rp_campaign_free(rp_campaign *c);

/* fuzzer_stats value for key, or NULL */
const char *rp_stat(const rp_instance *in, const char *key);
/* numeric value for key (a trailing '%' is accepted); 0 on success */
int rp_stat_num(const rp_instance *in, const char *key, double *out);

#endif
