/* Exercises: designated array initializers with enum indices, ranges left
   zero, struct designators, sizeof of the table, lookup with bounds checks. */
#include <stdio.h>

enum color { RED, GREEN, BLUE, CYAN = 5, MAGENTA, NCOLORS };

struct rgb { unsigned char r, g, b; };

static const struct rgb palette[NCOLORS] = {
    [RED] = { .r = 255 },
    [BLUE] = { .b = 255 },
    [GREEN] = { 0, 255, 0 },
    [CYAN] = { .g = 255, .b = 255 },
    [MAGENTA] = { .r = 255, .b = 255 },
};

static const char *const names[NCOLORS] = {
    [MAGENTA] = "magenta", [RED] = "red", [GREEN] = "green",
    [BLUE] = "blue", [CYAN] = "cyan",
};

static const int weights[10] = { [1] = 3, [4] = 7, 8, 9, [9] = 1 };

static unsigned luminance(struct rgb c)
{
    return (299u * c.r + 587u * c.g + 114u * c.b) / 1000u;
}

int main(void)
{
    unsigned total = 0;
    for (int i = 0; i < NCOLORS; i++) {
        const char *n = names[i] ? names[i] : "(unused)";
        unsigned l = luminance(palette[i]);
        printf("%-9s %3u\n", n, l);
        total += l;
    }
    int w = 0;
    for (unsigned i = 0; i < sizeof weights / sizeof weights[0]; i++)
        w += weights[i] * (int)i;
    printf("total=%u w=%d\n", total, w);
    return w == 3 + 28 + 40 + 54 + 9 ? 0 : 1;
}
