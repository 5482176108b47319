/* Exercises: string processing over char arrays: word counting, trimming,
   case folding, in-place tokenising without strtok, palindrome check,
   strlen/strcmp/memcpy from string.h. */
#include <stdio.h>
#include <string.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

static char *trim(char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int split(char *s, char sep, char **parts, int max)
{
    int n = 0;
    char *start = s;
    for (char *p = s;; p++) {
        if (*p == sep || *p == '\0') {
            int end = *p == '\0';
            *p = '\0';
            if (n < max)
                parts[n++] = trim(start);
            if (end)
                break;
            start = p + 1;
        }
    }
    return n;
}

static int is_palindrome(const char *s)
{
    size_t i = 0, j = strlen(s);
    while (i < j) {
        while (i < j && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) i++;
        while (i < j && !((s[j - 1] | 32) >= 'a' && (s[j - 1] | 32) <= 'z')) j--;
        if (i < j && lower(s[i]) != lower(s[j - 1]))
            return 0;
        if (i < j) {
            i++;
            j--;
        }
    }
    return 1;
}

int main(void)
{
    char line[] = "  alpha , Beta,gamma  ,, Never odd or even ,x ";
    char *parts[8];
    int n = split(line, ',', parts, 8);
    int pal = 0, longest = 0;
    char copy[32] = { 0 };
    for (int i = 0; i < n; i++) {
        size_t len = strlen(parts[i]);
        pal += len > 0 && is_palindrome(parts[i]);
        if ((int)len > longest) {
            longest = (int)len;
            memcpy(copy, parts[i], len + 1);
        }
        printf("[%s]", parts[i]);
    }
    int cmp = strcmp(parts[0], "alpha");
    printf("\nn=%d pal=%d longest=%d copy=%s cmp=%d\n", n, pal, longest, copy, cmp);
    return (n == 6 && pal == 2 && cmp == 0) ? 0 : 1;
}
