/* a tiny tokenizer: a switch on the character class, goto for errors */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

struct token {
    int kind;
    long value;
};

static int next_token(const char **p, struct token *t)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    switch (*s) {
    case '\0':
        t->kind = 0;
        break;
    case '+':
    case '-':
    case '*':
    case '/':
        t->kind = *s++;
        break;
    default:
        if (!isdigit((unsigned char)*s))
            goto bad;
        t->kind = 'n';
        t->value = 0;
        while (isdigit((unsigned char)*s))
            t->value = t->value * 10 + (*s++ - '0');
        break;
    }
    *p = s;
    return 1;
bad:
    fprintf(stderr, "unexpected '%c'\n", *s);
    return 0;
}

int main(int argc, char **argv)
{
    const char *src = argc > 1 ? argv[1] : "12 + 30 * 4 - 7";
    struct token t;
    long sum = 0;
    int count = 0;
    while (next_token(&src, &t) && t.kind != 0) {
        if (t.kind == 'n')
            sum += t.value;
        count++;
    }
    printf("%d tokens, numbers add up to %ld (%zu bytes left)\n", count, sum, strlen(src));
    return 0;
}
