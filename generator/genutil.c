/*
 * genutil.c - string buffer, files and paths for the generator (see
 * genutil.h).
 */
#include "genutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void grow(gbuf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        fputs("mutsmith: out of memory\n", stderr);
        abort();
    }
    b->s = s;
    b->cap = cap;
}

void gbuf_add(gbuf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void gbuf_puts(gbuf *b, const char *s)
{
    gbuf_add(b, s, strlen(s));
}

void gbuf_printf(gbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *gbuf_take(gbuf *b)
{
    if (!b->s)
        grow(b, 0), b->s[0] = '\0';
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void gbuf_free(gbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *gen_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    gbuf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        gbuf_add(&b, tmp, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        gbuf_free(&b);
        errno = EIO;
        return NULL;
    }
    if (len)
        *len = b.len;
    return gbuf_take(&b);
}

int gen_write_atomic(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            unlink(tmp);
            free(tmp);
            errno = e;
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        free(tmp);
        errno = e;
        return -1;
    }
    free(tmp);
    return 0;
}

int gen_mkdirs(const char *path)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0755) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

int gen_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static const char *exe_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n <= 0) {
        snprintf(dir, sizeof dir, ".");
        return dir;
    }
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return dir;
}

const char *gen_build_dir(void)
{
    static char dir[PATH_MAX];
    const char *e = getenv("MUTSMITH_BUILD");
    if (e && *e)
        return e;
    if (dir[0])
        return dir;
    /* build/mutsmith or build/asan/mutsmith: the directory with config.mk */
    snprintf(dir, sizeof dir, "%s", exe_dir());
    for (int i = 0; i < 2; i++) {
        char probe[PATH_MAX + 16];
        snprintf(probe, sizeof probe, "%s/config.mk", dir);
        if (gen_exists(probe))
            return dir;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    snprintf(dir, sizeof dir, "%s", exe_dir());
    return dir;
}

const char *gen_src_root(void)
{
    static char root[PATH_MAX];
    const char *e = getenv("MUTSMITH_SRC");
    if (e && *e)
        return e;
    if (root[0])
        return root;
    /* build/mutsmith or build/asan/mutsmith: walk up to the directory
     * holding mutators/core/mutsmith.h */
    char d[PATH_MAX];
    snprintf(d, sizeof d, "%s", exe_dir());
    for (int i = 0; i < 4; i++) {
        char probe[PATH_MAX + 32];
        snprintf(probe, sizeof probe, "%s/mutators/core/mutsmith.h", d);
        if (gen_exists(probe)) {
            snprintf(root, sizeof root, "%s", d);
            return root;
        }
        char *slash = strrchr(d, '/');
        if (!slash || slash == d)
            break;
        *slash = '\0';
    }
    snprintf(root, sizeof root, ".");
    return root;
}

char *gen_path(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", a, b);
    return p;
}

int gen_valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 48 || s[0] < 'a' || s[0] > 'z')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}
