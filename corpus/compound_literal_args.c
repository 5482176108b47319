/* Exercises: compound literals as function arguments for configuration
   structs, array-of-struct compound literals, compound literal lvalues
   modified in loops, pointers to compound literals at block scope. */
#include <stdio.h>

struct config {
    int width;
    int height;
    unsigned char fill;
    const char *title;
};

static unsigned render(const struct config *c)
{
    unsigned h = 7;
    for (int y = 0; y < c->height; y++)
        for (int x = 0; x < c->width; x++)
            h = h * 31u + (unsigned)(c->fill ^ (x + y));
    for (const char *t = c->title; t && *t; ++t)
        h += (unsigned char)*t;
    return h;
}

static int total_width(const struct config *cs, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += cs[i].width;
    return w;
}

int main(void)
{
    unsigned h1 = render(&(struct config){ .width = 3, .height = 2, .fill = '#' });
    unsigned h2 = render(&(struct config){ 4, 4, 0x2e, "box" });
    int tw = total_width((struct config[]){ { .width = 1 }, { .width = 2 }, { .width = 40 } }, 3);
    int *counter = (int[2]){ 0, 0 };
    for (int i = 0; i < 10; i++)
        counter[i & 1] += i;
    printf("%u %u tw=%d counters=%d,%d\n", h1, h2, tw, counter[0], counter[1]);
    return (tw == 43 && counter[0] == 20 && counter[1] == 25) ? 0 : 1;
}
