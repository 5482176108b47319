/*
 * prompt.c - template rendering for the generator's prompts (prompt.h).
 * Single pass: values are inserted verbatim and never re-scanned, so code
 * or C text that happens to contain "{{" is safe inside a value.
 */
#include "prompt.h"

#include "genutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *lookup(const prompt_var *vars, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(vars[i].name) == len && strncmp(vars[i].name, name, len) == 0)
            return vars[i].value;
    return NULL;
}

char *prompt_render(const char *src_root, const char *tmpl, const prompt_var *vars, size_t nvars,
                    char *err, size_t errlen)
{
    gbuf path = {0};
    gbuf_printf(&path, "%s/templates/%s.md", src_root, tmpl);
    char *text = gen_slurp(path.s, NULL);
    if (!text) {
        snprintf(err, errlen, "cannot read the template %s: %s", path.s, strerror(errno));
        gbuf_free(&path);
        return NULL;
    }
    gbuf out = {0};
    const char *p = text;
    for (;;) {
        const char *open = strstr(p, "{{");
        if (!open) {
            gbuf_puts(&out, p);
            break;
        }
        gbuf_add(&out, p, (size_t)(open - p));
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            snprintf(err, errlen, "%s: unterminated {{ placeholder", path.s);
            goto fail;
        }
        const char *name = open + 2;
        size_t len = (size_t)(close - name);
        if (len > 5 && strncmp(name, "file:", 5) == 0) {
            gbuf f = {0};
            gbuf_printf(&f, "%s/%.*s", src_root, (int)(len - 5), name + 5);
            char *inc = gen_slurp(f.s, NULL);
            if (!inc) {
                snprintf(err, errlen, "%s: cannot include %s: %s", path.s, f.s, strerror(errno));
                gbuf_free(&f);
                goto fail;
            }
            gbuf_puts(&out, inc);
            free(inc);
            gbuf_free(&f);
        } else {
            const char *v = lookup(vars, nvars, name, len);
            if (!v) {
                snprintf(err, errlen, "%s: no value for the placeholder {{%.*s}}", path.s,
                         (int)len, name);
                goto fail;
            }
            gbuf_puts(&out, v);
        }
        p = close + 2;
    }
    free(text);
    gbuf_free(&path);
    return gbuf_take(&out);
fail:
    free(text);
    gbuf_free(&path);
    gbuf_free(&out);
    return NULL;
}
