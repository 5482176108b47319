/* Exercises: character literals (plain, escaped, octal, hex), char
   arithmetic, caesar cipher over a char array, toupper by hand, signed vs
   unsigned char comparisons. */
#include <stdio.h>

static char shift_char(char c, int k)
{
    if (c >= 'a' && c <= 'z')
        return (char)('a' + (c - 'a' + k) % 26);
    if (c >= 'A' && c <= 'Z')
        return (char)('A' + (c - 'A' + k) % 26);
    return c;
}

static void caesar(char *s, int k)
{
    for (; *s != '\0'; ++s)
        *s = shift_char(*s, k);
}

static char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - ('a' - 'A')) : c;
}

int main(void)
{
    char text[] = "Hello, World! xyz";
    caesar(text, 3);
    char once[sizeof text];
    for (unsigned i = 0; i < sizeof text; i++)
        once[i] = text[i];
    caesar(text, 23);
    int sum = 0;
    const char specials[] = { '\'', '"', '\\', '\012', '\x7e', '\0' };
    for (int i = 0; specials[i]; i++)
        sum += specials[i];
    unsigned char hi = (unsigned char)'\xe9';
    int cmp = hi > 127;
    printf("%s | %s | %c%c | sum=%d cmp=%d\n", once, text, upper('q'), upper('!'), sum, cmp);
    return (text[0] == 'H' && once[0] == 'K' && sum == 39 + 34 + 92 + 10 + 126) ? 0 : 1;
}
