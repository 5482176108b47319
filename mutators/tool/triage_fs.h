/*
 * triage_fs.h - directory handling for `mutsmith triage`: remove a tree,
 * and publish a finished OUT/triage.tmp.PID as OUT/triage so that a reader
 * (or an interrupted run) never sees a half-written triage folder.
 */
#ifndef MUTSMITH_TRIAGE_FS_H
#define MUTSMITH_TRIAGE_FS_H

#include <stddef.h>

/* rm -rf path (no error when it does not exist); 0 or -1. */
int ms_tri_rmtree(const char *path);

/* Remove OUT/triage.tmp.PID and OUT/triage.old.PID left by runs whose
 * process no longer exists. */
void ms_tri_remove_stale(const char *outdir);

/* Replace OUT/triage by tmpdir (rename, old tree removed afterwards).
 * 0, or -1 with a message in err. */
int ms_tri_publish(const char *outdir, const char *tmpdir, char *err, size_t errlen);

#endif
