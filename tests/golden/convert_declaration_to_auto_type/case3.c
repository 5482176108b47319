#include <string.h>

struct B { unsigned f : 3; long w; };

static struct B make(void) { struct B b = { 1, 2 }; return b; }

int main(void)
{
    const char *s = "hello";
    size_t n = strlen(s) + 1;
    long w = 3;                  /* int converted to long: not a site */
    struct B b = make();
    unsigned f = b.f;            /* bit-field: not a site */
    for (long i = w; i < 5; i++)
        n += (size_t)i;
    return (int)n + f + (int)b.w;
}
