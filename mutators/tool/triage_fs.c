/*
 * triage_fs.c - remove directory trees and swap a finished triage folder
 * into place (see triage_fs.h).
 */
#include "triage_fs.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    if (remove(path) != 0 && errno != ENOENT)
        return -1;
    return 0;
}

int ms_tri_rmtree(const char *path)
{
    if (access(path, F_OK) != 0)
        return 0;
    return nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

void ms_tri_remove_stale(const char *outdir)
{
    DIR *d = opendir(outdir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *p = NULL;
        if (!strncmp(e->d_name, "triage.tmp.", 11))
            p = e->d_name + 11;
        else if (!strncmp(e->d_name, "triage.old.", 11))
            p = e->d_name + 11;
        if (!p)
            continue;
        char *end;
        long pid = strtol(p, &end, 10);
        if (*end || pid <= 0 || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
            continue; /* still running (or not ours to judge) */
        size_t l = strlen(outdir) + strlen(e->d_name) + 2;
        char *full = malloc(l);
        if (!full)
            break;
        snprintf(full, l, "%s/%s", outdir, e->d_name);
        ms_tri_rmtree(full);
        free(full);
    }
    closedir(d);
}

int ms_tri_publish(const char *outdir, const char *tmpdir, char *err, size_t errlen)
{
    size_t l = strlen(outdir) + 48;
    char *final = malloc(l), *old = malloc(l);
    int rc = -1;
    if (!final || !old) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    snprintf(final, l, "%s/triage", outdir);
    snprintf(old, l, "%s/triage.old.%ld", outdir, (long)getpid());
    int had_old = 0;
    if (rename(final, old) == 0)
        had_old = 1;
    else if (errno != ENOENT) {
        snprintf(err, errlen, "cannot move %s aside: %s", final, strerror(errno));
        goto done;
    }
    if (rename(tmpdir, final) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmpdir, final, strerror(errno));
        if (had_old)
            rename(old, final);
        goto done;
    }
    if (had_old && ms_tri_rmtree(old) != 0)
        fprintf(stderr, "mutsmith: triage: could not remove %s\n", old);
    rc = 0;
done:
    free(final);
    free(old);
    return rc;
}
