/*
 * report_doc.h - a tiny document model for `mutsmith report`: headings,
 * paragraphs, bullet lists, tables, preformatted text and images made of
 * text spans (plain, code, link), rendered to Markdown or to one
 * self-contained HTML page. All text is escaped by the renderers, so text
 * read from campaign files can be put in as is.
 */
#ifndef MUTSMITH_REPORT_DOC_H
#define MUTSMITH_REPORT_DOC_H

#include <stdio.h>

typedef struct rd_doc rd_doc;
typedef struct rd_block rd_block;

rd_doc *rd_new(const char *title);
void rd_free(rd_doc *d);

void rd_heading(rd_doc *d, int level, const char *text); /* level 1..3 */
rd_block *rd_para(rd_doc *d);
rd_block *rd_list(rd_doc *d); /* start each item with rd_item */
void rd_item(rd_block *b);
/* ncols headers; align: one char per column, 'l' or 'r' */
rd_block *rd_table(rd_doc *d, int ncols, const char *const *headers, const char *align);
void rd_pre(rd_doc *d, const char *text);
void rd_image(rd_doc *d, const char *src, const char *alt);

/* Spans: appended to the paragraph / current list item; in a table each
 * span is the next cell, row after row. */
void rd_text(rd_block *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rd_code(rd_block *b, const char *text);
void rd_link(rd_block *b, const char *href, const char *text);

void rd_write_md(const rd_doc *d, FILE *f);
void rd_write_html(const rd_doc *d, FILE *f);

/* percent-encode a relative path for use in a link */
char *rd_href(const char *path);

#endif
