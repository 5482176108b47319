/*
 * report_doc.c - build the report's document and render it as Markdown
 * (GitHub flavour: pipe tables) or as one HTML page with inline CSS
 * (see report_doc.h). Text is escaped here, never by the callers.
 */
#include "report_doc.h"
#include "report_util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    char *text, *href; /* href: a relative path, encoded when rendered */
    int code, brk;     /* brk: first span of a list item */
} span;

typedef enum { B_HEAD, B_PARA, B_LIST, B_TABLE, B_PRE, B_IMG } bkind;

struct rd_block {
    bkind kind;
    int level;
    span *sp;
    int nsp, cap;
    int ncols;
    char **headers;
    char *align;
    char *text; /* pre text, image alt */
    char *src;  /* image */
    int brk_next;
};

struct rd_doc {
    char *title;
    rd_block **b;
    int n, cap;
};

rd_doc *rd_new(const char *title)
{
    rd_doc *d = rp_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    d->title = rp_xstrdup(title);
    return d;
}

static rd_block *add_block(rd_doc *d, bkind k)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->b = rp_xrealloc(d->b, (size_t)d->cap * sizeof *d->b);
    }
    rd_block *b = rp_xmalloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->kind = k;
    d->b[d->n++] = b;
    return b;
}

static void add_span(rd_block *b, char *text, const char *href, int code)
{
    if (b->nsp == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->sp = rp_xrealloc(b->sp, (size_t)b->cap * sizeof *b->sp);
    }
    span *s = &b->sp[b->nsp++];
    s->text = text;
    s->href = href ? rp_xstrdup(href) : NULL;
    s->code = code;
    s->brk = b->brk_next;
    b->brk_next = 0;
}

void rd_heading(rd_doc *d, int level, const char *text)
{
    rd_block *b = add_block(d, B_HEAD);
    b->level = level < 1 ? 1 : level > 3 ? 3 : level;
    add_span(b, rp_xstrdup(text), NULL, 0);
}

rd_block *rd_para(rd_doc *d)
{
    return add_block(d, B_PARA);
}

rd_block *rd_list(rd_doc *d)
{
    return add_block(d, B_LIST);
}

void rd_item(rd_block *b)
{
    b->brk_next = 1;
}

rd_block *rd_table(rd_doc *d, int ncols, const char *const *headers, const char *align)
{
    rd_block *b = add_block(d, B_TABLE);
    b->ncols = ncols;
    b->headers = rp_xmalloc((size_t)ncols * sizeof *b->headers);
    b->align = rp_xmalloc((size_t)ncols + 1);
    for (int i = 0; i < ncols; i++) {
        b->headers[i] = rp_xstrdup(headers[i]);
        b->align[i] = align && i < (int)strlen(align) && align[i] == 'r' ? 'r' : 'l';
    }
    b->align[ncols] = '\0';
    return b;
}

void rd_pre(rd_doc *d, const char *text)
{
    rd_block *b = add_block(d, B_PRE);
    b->text = rp_xstrdup(text);
}

void rd_image(rd_doc *d, const char *src, const char *alt)
{
    rd_block *b = add_block(d, B_IMG);
    b->src = rp_xstrdup(src);
    b->text = rp_xstrdup(alt);
}

void rd_text(rd_block *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = rp_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    s[0] = '\0';
    if (n > 0) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    add_span(b, s, NULL, 0);
}

void rd_code(rd_block *b, const char *text)
{
    add_span(b, rp_xstrdup(text), NULL, 1);
}

void rd_link(rd_block *b, const char *href, const char *text)
{
    add_span(b, rp_xstrdup(text), href, 0);
}

void rd_free(rd_doc *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->n; i++) {
        rd_block *b = d->b[i];
        for (int k = 0; k < b->nsp; k++) {
            free(b->sp[k].text);
            free(b->sp[k].href);
        }
        free(b->sp);
        for (int k = 0; k < b->ncols; k++)
            free(b->headers[k]);
        free(b->headers);
        free(b->align);
        free(b->text);
        free(b->src);
        free(b);
    }
    free(d->b);
    free(d->title);
    free(d);
}

char *rd_href(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *o = rp_xmalloc(3 * n + 1), *q = o;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-._~/", c)) {
            *q++ = (char)c;
        } else {
            *q++ = '%';
            *q++ = hex[c >> 4];
            *q++ = hex[c & 15];
        }
    }
    *q = '\0';
    return o;
}

/* ------------------------------------------------------------ Markdown */

static void md_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fputc(' ', f);
        else if (strchr("\\`*_[]<>|~#&", *p))
            fprintf(f, "\\%c", *p);
        else
            fputc(*p, f);
    }
}

static void md_code(FILE *f, const char *s, int in_table)
{
    int run = 0, maxrun = 0;
    for (const char *p = s; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > maxrun)
            maxrun = run;
    }
    size_t n = strlen(s);
    int pad = n > 0 && (s[0] == '`' || s[n - 1] == '`' || s[0] == ' ');
    for (int i = 0; i <= maxrun; i++)
        fputc('`', f);
    if (pad)
        fputc(' ', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fputc(' ', f);
        else if (*p == '|' && in_table)
            fputs("\\|", f);
        else
            fputc(*p, f);
    }
    if (pad)
        fputc(' ', f);
    for (int i = 0; i <= maxrun; i++)
        fputc('`', f);
}

static void md_span(FILE *f, const span *s, int in_table)
{
    if (s->href) {
        char *h = rd_href(s->href);
        fputc('[', f);
        md_text(f, s->text);
        fprintf(f, "](%s)", h);
        free(h);
    } else if (s->code && s->text[0]) {
        md_code(f, s->text, in_table);
    } else {
        md_text(f, s->text);
    }
}

void rd_write_md(const rd_doc *d, FILE *f)
{
    fputs("# ", f);
    md_text(f, d->title);
    fputs("\n\n", f);
    for (int i = 0; i < d->n; i++) {
        const rd_block *b = d->b[i];
        switch (b->kind) {
        case B_HEAD:
            for (int k = 0; k <= b->level; k++)
                fputc('#', f);
            fputc(' ', f);
            md_text(f, b->sp[0].text);
            fputs("\n\n", f);
            break;
        case B_PARA:
            for (int k = 0; k < b->nsp; k++)
                md_span(f, &b->sp[k], 0);
            fputs("\n\n", f);
            break;
        case B_LIST:
            for (int k = 0; k < b->nsp; k++) {
                if (b->sp[k].brk || k == 0)
                    fputs(k ? "\n- " : "- ", f);
                md_span(f, &b->sp[k], 0);
            }
            fputs("\n\n", f);
            break;
        case B_TABLE: {
            fputc('|', f);
            for (int c = 0; c < b->ncols; c++) {
                fputc(' ', f);
                md_text(f, b->headers[c]);
                fputs(" |", f);
            }
            fputs("\n|", f);
            for (int c = 0; c < b->ncols; c++)
                fputs(b->align[c] == 'r' ? "---:|" : ":---|", f);
            fputc('\n', f);
            int rows = (b->nsp + b->ncols - 1) / b->ncols;
            for (int r = 0; r < rows; r++) {
                fputc('|', f);
                for (int c = 0; c < b->ncols; c++) {
                    int k = r * b->ncols + c;
                    fputc(' ', f);
                    if (k < b->nsp)
                        md_span(f, &b->sp[k], 1);
                    fputs(" |", f);
                }
                fputc('\n', f);
            }
            fputc('\n', f);
            break;
        }
        case B_PRE: {
            /* a fence longer than any backtick run in the text */
            int run = 0, maxrun = 2;
            for (const char *p = b->text; *p; p++) {
                run = *p == '`' ? run + 1 : 0;
                if (run > maxrun)
                    maxrun = run;
            }
            for (int k = 0; k <= maxrun; k++)
                fputc('`', f);
            fputc('\n', f);
            fputs(b->text, f);
            if (b->text[0] && b->text[strlen(b->text) - 1] != '\n')
                fputc('\n', f);
            for (int k = 0; k <= maxrun; k++)
                fputc('`', f);
            fputs("\n\n", f);
            break;
        }
        case B_IMG: {
            char *h = rd_href(b->src);
            fputs("![", f);
            md_text(f, b->text);
            fprintf(f, "](%s)\n\n", h);
            free(h);
            break;
        }
        }
    }
}

/* ---------------------------------------------------------------- HTML */

static void html_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:
            if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
                fputc(' ', f);
            else
                fputc(*p, f);
        }
    }
}

static void html_span(FILE *f, const span *s)
{
    if (s->href) {
        char *h = rd_href(s->href);
        fprintf(f, "<a href=\"%s\">", h); /* rd_href output needs no escaping */
        html_text(f, s->text);
        fputs("</a>", f);
        free(h);
    } else if (s->code) {
        fputs("<code>", f);
        html_text(f, s->text);
        fputs("</code>", f);
    } else {
        html_text(f, s->text);
    }
}

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
    "max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n"
    "h1{border-bottom:2px solid #ddd;padding-bottom:.3em}\n"
    "h2{border-bottom:1px solid #eee;padding-bottom:.2em;margin-top:1.8em}\n"
    "table{border-collapse:collapse;margin:1em 0}\n"
    "th,td{border:1px solid #ccc;padding:.25em .6em;vertical-align:top;text-align:left}\n"
    "th{background:#f1f3f5}\n"
    "td{overflow-wrap:anywhere}\n"
    ".r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tbody tr:nth-child(even){background:#fafbfc}\n"
    "code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}\n"
    "code{background:#f1f3f5;padding:0 .25em;border-radius:3px}\n"
    "pre{background:#f6f8fa;padding:.8em;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "figure{margin:1em 0}\n"
    "img{max-width:100%;border:1px solid #ddd}\n"
    "figcaption{color:#666;font-size:.9em}\n";

void rd_write_html(const rd_doc *d, FILE *f)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    html_text(f, d->title);
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", css);
    html_text(f, d->title);
    fputs("</h1>\n", f);
    for (int i = 0; i < d->n; i++) {
        const rd_block *b = d->b[i];
        switch (b->kind) {
        case B_HEAD:
            fprintf(f, "<h%d>", b->level + 1);
            html_text(f, b->sp[0].text);
            fprintf(f, "</h%d>\n", b->level + 1);
            break;
        case B_PARA:
            fputs("<p>", f);
            for (int k = 0; k < b->nsp; k++)
                html_span(f, &b->sp[k]);
            fputs("</p>\n", f);
            break;
        case B_LIST:
            fputs("<ul>\n", f);
            for (int k = 0; k < b->nsp; k++) {
                if (b->sp[k].brk || k == 0)
                    fputs(k ? "</li>\n<li>" : "<li>", f);
                html_span(f, &b->sp[k]);
            }
            fputs(b->nsp ? "</li>\n</ul>\n" : "</ul>\n", f);
            break;
        case B_TABLE: {
            fputs("<table>\n<thead><tr>", f);
            for (int c = 0; c < b->ncols; c++) {
                fputs(b->align[c] == 'r' ? "<th class=\"r\">" : "<th>", f);
                html_text(f, b->headers[c]);
                fputs("</th>", f);
            }
            fputs("</tr></thead>\n<tbody>\n", f);
            int rows = (b->nsp + b->ncols - 1) / b->ncols;
            for (int r = 0; r < rows; r++) {
                fputs("<tr>", f);
                for (int c = 0; c < b->ncols; c++) {
                    int k = r * b->ncols + c;
                    fputs(b->align[c] == 'r' ? "<td class=\"r\">" : "<td>", f);
                    if (k < b->nsp)
                        html_span(f, &b->sp[k]);
                    fputs("</td>", f);
                }
                fputs("</tr>\n", f);
            }
            fputs("</tbody>\n</table>\n", f);
            break;
        }
        case B_PRE:
            fputs("<pre>", f);
            html_text(f, b->text);
            fputs("</pre>\n", f);
            break;
        case B_IMG: {
            char *h = rd_href(b->src);
            fprintf(f, "<figure><img src=\"%s\" alt=\"", h);
            html_text(f, b->text);
            fputs("\"><figcaption>", f);
            html_text(f, b->text);
            fputs("</figcaption></figure>\n", f);
            free(h);
            break;
        }
        }
    }
    fputs("</body>\n</html>\n", f);
}
