/* Exercises: Roman numeral conversion both ways using parallel const
   tables, switch on characters, subtractive notation, buffer building with
   an index, round-trip verification loop. */
#include <stdio.h>
#include <string.h>

static const int values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
static const char *const symbols[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };

static int to_roman(int n, char *out, int cap)
{
    int len = 0;
    for (int i = 0; i < 13 && n > 0; i++)
        while (n >= values[i]) {
            for (const char *s = symbols[i]; *s; s++) {
                if (len + 1 >= cap)
                    return -1;
                out[len++] = *s;
            }
            n -= values[i];
        }
    out[len] = '\0';
    return len;
}

static int digit(char c)
{
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

static int from_roman(const char *s)
{
    int total = 0;
    for (size_t i = 0; s[i]; i++) {
        int v = digit(s[i]), next = s[i + 1] ? digit(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    return total;
}

int main(void)
{
    char buf[20];
    int ok = 0, longest = 0, longest_n = 0;
    for (int n = 1; n < 4000; n++) {
        int len = to_roman(n, buf, (int)sizeof buf);
        if (len > longest) {
            longest = len;
            longest_n = n;
        }
        ok += from_roman(buf) == n;
    }
    to_roman(1994, buf, (int)sizeof buf);
    printf("ok=%d longest=%d (%d) 1994=%s mcmxc=%d\n", ok, longest, longest_n, buf,
           from_roman("MCMXC"));
    return (ok == 3999 && strcmp(buf, "MCMXCIV") == 0 && longest == 15) ? 0 : 1;
}
