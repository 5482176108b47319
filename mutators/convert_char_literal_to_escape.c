/*
 * convert_char_literal_to_escape - spell a plain character literal with a
 * hexadecimal or octal escape sequence of the same value.
 *
 *   before:  if (c == 'a' || c == '\n')
 *   after:   if (c == '\x61' || c == '\n')      (or '\141'; '\n' -> '\x0a', '\012')
 *
 * Sites: unprefixed literals holding one ASCII character, a simple escape
 * (\n \t \\ \' ...), an octal or a hex escape up to \377. The value of
 * 'c' is the char value converted to int, and '\xNN' and '\ooo' denote the
 * same char value, so the literal keeps its type and value even in case
 * labels. Wide and UTF literals (L u U u8), multi-character literals and
 * non-ASCII bytes are not sites.
 */
#include "mutsmith.h"

#include <string.h>

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Value of the literal text 'x', or -1 when it is no site. */
static int char_value(const char *t)
{
    size_t len = strlen(t);
    if (len < 3 || t[0] != '\'' || t[len - 1] != '\'')
        return -1;
    const char *b = t + 1;
    size_t n = len - 2;
    if (b[0] != '\\') {
        unsigned char c = (unsigned char)b[0];
        return n == 1 && c >= 0x20 && c < 0x7f && c != '\'' ? c : -1;
    }
    if (n == 2) {
        static const char esc[] = "ntrabfv\\'\"?";
        static const int val[] = {'\n', '\t', '\r', '\a', '\b', '\f', '\v', '\\', '\'', '"', '?'};
        const char *p = b[1] ? strchr(esc, b[1]) : NULL;
        if (p)
            return val[p - esc];
    }
    int v = 0;
    if (b[1] == 'x') {
        if (n < 3)
            return -1;
        for (size_t i = 2; i < n; i++) {
            int d = hexval(b[i]);
            if (d < 0 || v > 0xff)
                return -1;
            v = v * 16 + d;
        }
        return v <= 0xff ? v : -1;
    }
    if (n > 4)
        return -1;
    for (size_t i = 1; i < n; i++) {
        if (b[i] < '0' || b[i] > '7')
            return -1;
        v = v * 8 + (b[i] - '0');
    }
    return v <= 0xff ? v : -1;
}

static int is_site(ms_ctx *ctx, const ms_node *n, void *user)
{
    (void)user;
    return n->kind == CXCursor_CharacterLiteral && n->end > n->begin &&
           char_value(ms_text(ctx, n)) >= 0;
}

static int mutate(ms_ctx *ctx)
{
    const ms_node **sites;
    int n = ms_collect(ctx, is_site, NULL, &sites);
    int k = ms_pick(ctx, n);
    if (k < 0)
        return MS_SKIP;
    const char *text = ms_text(ctx, sites[k]);
    int v = char_value(text);
    if (v < 0)
        return MS_ERROR;
    const char *cand[5];
    int nc = 0;
    const char *forms[] = {
        ms_printf(ctx, "'\\x%02x'", (unsigned)v), ms_printf(ctx, "'\\x%X'", (unsigned)v),
        ms_printf(ctx, "'\\%o'", (unsigned)v), ms_printf(ctx, "'\\%03o'", (unsigned)v)};
    for (int i = 0; i < 4; i++)
        if (strcmp(forms[i], text) != 0)
            cand[nc++] = forms[i];
    if (nc == 0)
        return MS_SKIP;
    return ms_replace_node(ctx, sites[k], cand[ms_rand(ctx, (unsigned)nc)]);
}

MS_MUTATOR(convert_char_literal_to_escape,
           "Spell a plain character literal such as 'a' or a simple escape such as a newline "
           "as the equivalent hex or octal escape.",
           0);
