/* Exercises: file-scope arrays with initializers (int, char, string tables,
   2-D, struct arrays), implicit sizes, const global lookup tables, global
   arrays modified at run time. */
#include <stdio.h>

static const unsigned char popcount4[16] = { 0,1,1,2,1,2,2,3,1,2,2,3,2,3,3,4 };
static int histogram[9];
static const char vowels[] = "aeiouAEIOU";
static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec" };
static const short offsets[][2] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };
struct unit { const char *name; int factor; };
static struct unit units[] = { { "mm", 1 }, { "cm", 10 }, { "m", 1000 }, { "km", 1000000 } };
int exported_table[5] = { 1, 1, 2, 3, 5 };

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v >>= 4)
        n += popcount4[v & 0xFu];
    return n;
}

static int is_vowel(char c)
{
    for (const char *p = vowels; *p; p++)
        if (*p == c)
            return 1;
    return 0;
}

int main(void)
{
    for (unsigned i = 0; i < 256; i += 3)
        histogram[popcount(i)]++;
    int vc = 0;
    for (unsigned m = 0; m < sizeof months / sizeof months[0]; m++)
        for (const char *p = months[m]; *p; p++)
            vc += is_vowel(*p);
    int reach = 0;
    for (int k = 0; k < 4; k++)
        reach += offsets[k][0] * 3 + offsets[k][1] * 5 + 10;
    long mm = 0;
    for (unsigned u = 0; u < sizeof units / sizeof *units; u++)
        mm += units[u].factor * (long)(u + 1);
    units[0].factor = exported_table[4];
    printf("h1=%d h4=%d vc=%d reach=%d mm=%ld f0=%d\n", histogram[1], histogram[4], vc,
           reach, mm, units[0].factor);
    return (vc == 13 && reach == 40 && mm == 4003021L) ? 0 : 1;
}
