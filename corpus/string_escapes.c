/* Exercises: string literals with escapes (\n \t \\ \" \x41 \101 \0 \a \?),
   adjacent literal concatenation, sizeof on literals, embedded NUL, counting
   characters by class. */
#include <stdio.h>

static const char msg[] = "tab:\there\nquote:\"q\" back:\\ hex:\x41\x42 oct:\101\102 q\?";
static const char with_nul[] = "ab\0cd";
static const char joined[] = "con" "cat" "en" "ation";

static int count(const char *s, int n, char c)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static unsigned checksum(const char *s)
{
    unsigned h = 0;
    while (*s)
        h = (h << 5) - h + (unsigned char)*s++;
    return h;
}

int main(void)
{
    int tabs = count(msg, (int)sizeof msg - 1, '\t');
    int nls = count(msg, (int)sizeof msg - 1, '\n');
    int letters = count(msg, (int)sizeof msg - 1, 'A') + count(msg, (int)sizeof msg - 1, '\x42');
    size_t nul_size = sizeof with_nul;
    int after_nul = count(with_nul, (int)nul_size, 'c');
    char alarm = '\a', bs = '\b', ff = '\f', vt = '\v', cr = '\r';
    int ctrl = alarm + bs + ff + vt + cr;
    printf("%s\n", msg);
    printf("after=%d tabs=%d nls=%d AB=%d nulsize=%zu joined=%s sum=%u ctrl=%d\n",
           after_nul, tabs, nls, letters, nul_size, joined, checksum(joined), ctrl);
    return (tabs == 1 && nls == 1 && letters == 4 && nul_size == 6 && after_nul == 1 && ctrl == 7 + 8 + 12 + 11 + 13) ? 0 : 1;
}
