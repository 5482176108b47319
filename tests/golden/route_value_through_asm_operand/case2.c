#include <stddef.h>

static size_t count(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int main(void)
{
    const char *msg = "hello";
    enum { N = 4 };
    int a[N] = { 1, 2, 3, 4 };
    return (int)count(msg) - a[N - 1];
}
