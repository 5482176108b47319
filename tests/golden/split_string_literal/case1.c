#include <stddef.h>
int puts(const char *);
static const char msg[] = "hello, world";
int main(void)
{
    const wchar_t *w = L"wide text";
    _Static_assert(sizeof msg == 13, "size of msg");
    puts("tab\there" "\x41" "BCD");
    return w[0] == L'w' ? 0 : 1;
}
