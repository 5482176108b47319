/* Exercises: variadic logging wrappers forwarding va_list to vsnprintf,
   log levels as an enum with explicit values, a function-like macro that
   forwards __VA_ARGS__, static buffer accumulating messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum level { L_DEBUG = 10, L_INFO = 20, L_WARN = 30, L_ERROR = 40 };

static char journal[512];
static size_t journal_len;
static enum level threshold = L_INFO;
static int suppressed;

static int vlog_msg(enum level lv, const char *fmt, va_list ap)
{
    if (lv < threshold) {
        suppressed++;
        return 0;
    }
    char line[96];
    int n = vsnprintf(line, sizeof line, fmt, ap);
    if (n < 0)
        return -1;
    size_t len = strlen(line);
    if (journal_len + len + 2 < sizeof journal) {
        memcpy(journal + journal_len, line, len);
        journal_len += len;
        journal[journal_len++] = '\n';
        journal[journal_len] = '\0';
    }
    return n;
}

static int log_msg(enum level lv, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vlog_msg(lv, fmt, ap);
    va_end(ap);
    return n;
}

#define LOG_WARN(...) log_msg(L_WARN, "warn: " __VA_ARGS__)
#define LOG_INFO(fmt, ...) log_msg(L_INFO, "info: " fmt, __VA_ARGS__)

int main(void)
{
    int total = 0;
    total += log_msg(L_DEBUG, "hidden %d", 1);
    total += LOG_INFO("%s has %d items costing %.2f", "cart", 3, 19.5);
    total += LOG_WARN("disk at %u%%", 91u);
    total += log_msg(L_ERROR, "code=%#x name=%-6s| ch=%c", 0xbeef, "io", 'Z');
    threshold = L_ERROR;
    total += LOG_WARN("now hidden");
    printf("%s", journal);
    printf("total=%d suppressed=%d len=%zu\n", total, suppressed, journal_len);
    return (suppressed == 2 && journal_len > 0) ? 0 : 1;
}
