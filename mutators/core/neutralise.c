/*
 * neutralise.c - defuse `#pragma clang __debug ...` before libclang sees it.
 *
 * `__debug crash`, `llvm_fatal_error` and `overflow_stack` crash or hang the
 * parse itself (inside libclang, before any mutator runs). Every occurrence
 * of the identifier __debug, including ones split by line splices (also
 * the lenient ones clang accepts: `\ ` + newline, a lone \r), is
 * rewritten in place to __nodbg: same length, so offsets stay valid, and
 * clang then only warns about an unknown pragma. __debug is a reserved
 * identifier, so no valid user program is changed in meaning.
 */
#include "internal.h"

#include <string.h>

static int is_ident(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Length of the escaped newline (line splice) at buf[i], or 0. As clang's
 * lexer reads it: a backslash, optional whitespace, then \n, \r, \r\n or
 * \n\r ("\ " before the newline only earns a warning). */
static size_t splice_len(const char *buf, size_t len, size_t i)
{
    if (i >= len || buf[i] != '\\')
        return 0;
    size_t j = i + 1;
    while (j < len && (buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\f' || buf[j] == '\v'))
        j++;
    if (j >= len || (buf[j] != '\n' && buf[j] != '\r'))
        return 0;
    if (j + 1 < len && (buf[j + 1] == '\n' || buf[j + 1] == '\r') && buf[j + 1] != buf[j])
        j++;
    return j + 1 - i;
}

/* Match "__debug" at buf[i], allowing line splices between characters. On
 * success fills pos[] with the seven byte positions. */
static int match_at(const char *buf, size_t len, size_t i, size_t pos[7])
{
    static const char word[] = "__debug";
    size_t k = 0, s;
    while (k < 7) {
        if (i >= len)
            return 0;
        if ((s = splice_len(buf, len, i)) > 0) {
            i += s;
            continue;
        }
        if (buf[i] != word[k])
            return 0;
        pos[k++] = i++;
    }
    /* identifier must end here (a splice may intervene) */
    while ((s = splice_len(buf, len, i)) > 0)
        i += s;
    return !(i < len && is_ident((unsigned char)buf[i]));
}

int ms_neutralise_pragmas(char *buf, size_t len)
{
    static const char repl[] = "__nodbg";
    int n = 0;
    for (size_t i = 0; i + 7 <= len; i++) {
        if (buf[i] != '_' || (i > 0 && is_ident((unsigned char)buf[i - 1])))
            continue;
        size_t pos[7];
        if (!match_at(buf, len, i, pos))
            continue;
        for (int k = 0; k < 7; k++)
            buf[pos[k]] = repl[k];
        n++;
        i = pos[6];
    }
    return n;
}
