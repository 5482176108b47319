/*
 * prompt.c - template rendering for the generator's prompts (prompt.h).
 * Single pass: values are inserted verbatim and never re-scanned, so code
 * or C text that happens to contain "{{" is safe inside a value.
 * {{code:PATH}} includes C source compacted for a prompt (compact_c below).
 */
#include "prompt.h"

#include "genutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* C source as a prompt shows it: comments are dropped (what the prompt
 * needs of the contract's prose is said once, shorter, in the template)
 * except one-line section headers "/\* ---- ... *\/", as are blank lines,
 * #include lines and include guards; runs of spaces outside literals become
 * one. Only declarations and code remain. */
static void compact_c(gbuf *out, const char *src)
{
    int in_comment = 0;
    const char *line = src;
    while (*line) {
        const char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        const char *p = line, *end = line + len;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        int drop = 0;
        if (in_comment) {
            drop = 1;
            const char *close = NULL;
            for (const char *q = p; q + 1 < end; q++)
                if (q[0] == '*' && q[1] == '/') {
                    close = q;
                    break;
                }
            if (close)
                in_comment = 0;
        } else if (p == end) {
            drop = 1;
        } else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
            int closed = 0;
            for (const char *q = p + 2; q + 1 < end; q++)
                if (q[0] == '*' && q[1] == '/') {
                    closed = 1;
                    break;
                }
            /* one-line section headers stay: they orient the reader */
            drop = !(closed && end - p >= 7 && strncmp(p, "/* ----", 7) == 0);
            in_comment = !closed;
        } else if (*p == '#' && (strncmp(p, "#include", 8) == 0 || strncmp(p, "#ifndef", 7) == 0 ||
                                 strncmp(p, "#endif", 6) == 0 ||
                                 (strncmp(p, "#define", 7) == 0 && strstr(p, "_H") &&
                                  (size_t)(end - p) < 40))) {
            drop = 1;
        }
        if (!drop) {
            gbuf_add(out, line, (size_t)(p - line)); /* indentation */
            int space = 0;
            char quote = 0;
            for (const char *q = p; q < end; q++) {
                if (quote) {
                    if (*q == '\\' && q + 1 < end) {
                        gbuf_add(out, q++, 2);
                        continue;
                    }
                    if (*q == quote)
                        quote = 0;
                } else if (*q == '"' || *q == '\'') {
                    quote = *q;
                } else if (q != p && q + 1 < end && q[0] == '/' && q[1] == '*') {
                    /* a trailing comment: dropped up to its end on this line */
                    const char *close = NULL;
                    for (const char *c = q + 2; c + 1 < end; c++)
                        if (c[0] == '*' && c[1] == '/') {
                            close = c;
                            break;
                        }
                    if (close) {
                        q = close + 1;
                        space = 1;
                        continue;
                    }
                }
                if (*q == ' ' && !quote) {
                    space = 1;
                    continue;
                }
                if (space)
                    gbuf_puts(out, " ");
                space = 0;
                gbuf_add(out, q, 1);
            }
            gbuf_puts(out, "\n");
        }
        line = eol ? eol + 1 : end;
    }
}

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
        int is_file = len > 5 && strncmp(name, "file:", 5) == 0;
        int is_code = len > 5 && strncmp(name, "code:", 5) == 0;
        if (is_file || is_code) {
            gbuf f = {0};
            gbuf_printf(&f, "%s/%.*s", src_root, (int)(len - 5), name + 5);
            char *inc = gen_slurp(f.s, NULL);
            if (!inc) {
                snprintf(err, errlen, "%s: cannot include %s: %s", path.s, f.s, strerror(errno));
                gbuf_free(&f);
                goto fail;
            }
            if (is_code)
                compact_c(&out, inc);
            else
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
