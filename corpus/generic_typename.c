/* Exercises: _Generic returning strings for type names, _Generic on
   expressions whose type comes from usual arithmetic conversions, typedefs
   seen through _Generic, _Static_assert with sizeof. */
#include <stdio.h>
#include <stdint.h>

#define TYPENAME(x) _Generic((x), \
    _Bool: "_Bool", char: "char", int: "int", unsigned int: "unsigned int", \
    long: "long", unsigned long: "unsigned long", long long: "long long", \
    float: "float", double: "double", long double: "long double", \
    default: "other")

typedef unsigned int uint_alias;
typedef uint_alias count_t;

_Static_assert(sizeof(count_t) == sizeof(unsigned), "alias size");

static int same(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

int main(void)
{
    count_t n = 3;
    _Bool flag = 1;
    short sh = 2;
    const char *t[] = {
        TYPENAME(n), TYPENAME(flag), TYPENAME(sh + sh), TYPENAME(n + 1L),
        TYPENAME(1.0f * 2), TYPENAME(1.0f + 2.0), TYPENAME('a'),
        TYPENAME((char)'a'), TYPENAME(n - 5LL), TYPENAME(2.0L / 3),
    };
    int score = 0;
    for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++) {
        printf("%u: %s\n", i, t[i]);
        score += same(t[i], "int") * 1 + same(t[i], "double") * 10;
    }
    printf("score=%d\n", score);
    return score == 12 ? 0 : 1;
}
