/* Exercises: string reversal in place with two pointers, reversing words in
   a sentence, recursive reversal into a buffer, rotation by k using three
   reversals, char array bounds handled explicitly. */
#include <stdio.h>
#include <string.h>

static void reverse_range(char *lo, char *hi)
{
    while (lo < hi) {
        char t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

static void reverse_words(char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return;
    reverse_range(s, s + n - 1);
    char *w = s;
    for (char *p = s;; p++) {
        if (*p == ' ' || *p == '\0') {
            if (p > w)
                reverse_range(w, p - 1);
            if (*p == '\0')
                break;
            w = p + 1;
        }
    }
}

static int rev_copy(const char *s, char *out, int pos)
{
    if (*s == '\0')
        return pos;
    pos = rev_copy(s + 1, out, pos);
    out[pos] = *s;
    return pos + 1;
}

static void rotate_left(char *s, size_t k)
{
    size_t n = strlen(s);
    if (n == 0)
        return;
    k %= n;
    if (k == 0)
        return;
    reverse_range(s, s + k - 1);
    reverse_range(s + k, s + n - 1);
    reverse_range(s, s + n - 1);
}

int main(void)
{
    char a[] = "stressed";
    reverse_range(a, a + strlen(a) - 1);
    char sentence[] = "the quick brown fox";
    reverse_words(sentence);
    char out[16];
    int len = rev_copy("recursion", out, 0);
    out[len] = '\0';
    char r[] = "abcdefg";
    rotate_left(r, 10);
    printf("%s | %s | %s | %s\n", a, sentence, out, r);
    return (strcmp(a, "desserts") == 0 && strcmp(sentence, "fox brown quick the") == 0 &&
            strcmp(r, "defgabc") == 0) ? 0 : 1;
}
