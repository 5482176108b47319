/* Exercises: FNV-1a and djb2 string hashing on unsigned 32/64-bit values,
   an open-addressing hash table with linear probing in a static array,
   modulo on unsigned, string comparison. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define CAP 32u

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 0x811C9DC5u;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 0x01000193u;
    }
    return h;
}

static uint64_t djb2(const char *s)
{
    uint64_t h = 5381u;
    for (; *s; s++)
        h = ((h << 5) + h) + (unsigned char)*s;
    return h;
}

struct slot { const char *key; int value; };
static struct slot table[CAP];

static int put(const char *key, int value)
{
    uint32_t i = fnv1a(key) % CAP;
    for (unsigned probes = 0; probes < CAP; probes++, i = (i + 1) % CAP) {
        if (!table[i].key || strcmp(table[i].key, key) == 0) {
            table[i].key = key;
            table[i].value = value;
            return (int)probes;
        }
    }
    return -1;
}

static const int *get(const char *key)
{
    uint32_t i = fnv1a(key) % CAP;
    for (unsigned probes = 0; probes < CAP && table[i].key; probes++, i = (i + 1) % CAP)
        if (strcmp(table[i].key, key) == 0)
            return &table[i].value;
    return NULL;
}

int main(void)
{
    static const char *const words[] = { "one", "two", "three", "four", "five", "six",
                                         "seven", "eight", "nine", "ten", "two" };
    int probes = 0;
    for (int i = 0; i < 11; i++)
        probes += put(words[i], i + 1);
    const int *two = get("two"), *none = get("eleven");
    uint64_t d = djb2("hello world");
    printf("fnv=%08x djb2=%016llx two=%d none=%d probes=%d\n", (unsigned)fnv1a("hello"),
           (unsigned long long)d, two ? *two : -1, none ? *none : -1, probes);
    return (two && *two == 11 && !none && fnv1a("") == 0x811C9DC5u) ? 0 : 1;
}
