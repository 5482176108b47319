/*
 * report_plot.h - the report's plots: write one data file per instance
 * (report/data/NAME.dat) and a gnuplot script (report/plot.gp) that draws
 * coverage (or corpus size), execs/s and saved crashes over time, one line
 * per instance, then run gnuplot on it when it is installed. The script and
 * data stay in the report directory so the plots can be redrawn by hand.
 */
#ifndef MUTSMITH_REPORT_PLOT_H
#define MUTSMITH_REPORT_PLOT_H

#include "report_campaign.h"

enum { RPL_COVERAGE, RPL_EXECS, RPL_CRASHES, RPL_N };

typedef struct rp_plot {
    int have_data;          /* some instance has plot_data rows */
    int gnuplot_found;      /* gnuplot is on PATH */
    int gnuplot_status;     /* its exit status, -1 when not run or killed */
    const char *file[RPL_N];  /* coverage.png, ... */
    const char *title[RPL_N]; /* caption */
    int made[RPL_N];        /* the image exists and is not empty */
    int planned[RPL_N];     /* the script draws it (some data to draw) */
    const char *time_unit;  /* "s", "min", "h" */
} rp_plot;

/* use_edges: plot edges_found as coverage, else corpus_count.
 * Returns 0, or -1 with a message in err when a file cannot be written. */
int rp_plot_make(rp_plot *p, const rp_campaign *c, const char *reportdir, int use_edges,
                 char *err, size_t errlen);

#endif
