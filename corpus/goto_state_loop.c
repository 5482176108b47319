/* Exercises: a parser written with goto labels as states, gotos jumping out
   of nested loops, labels followed by empty statements, char classification. */
#include <stdio.h>

static int parse_number_list(const char *s, int *out, int max)
{
    int count = 0, cur = 0, neg = 0;
    const char *p = s;
start:
    if (*p == '\0')
        goto done;
    if (*p == ' ' || *p == ',') {
        p++;
        goto start;
    }
    if (*p == '-') {
        neg = 1;
        p++;
    }
    cur = 0;
digits:
    if (*p >= '0' && *p <= '9') {
        cur = cur * 10 + (*p - '0');
        p++;
        goto digits;
    }
    if (count < max)
        out[count++] = neg ? -cur : cur;
    neg = 0;
    goto start;
done:;
    return count;
}

static int find_pair(int n, const int *v, int target, int *ia, int *ib)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (v[i] + v[j] == target) {
                *ia = i;
                *ib = j;
                goto found;
            }
    return 0;
found:
    return 1;
}

int main(void)
{
    int v[8];
    int n = parse_number_list("12, -3,40 ,7,-8,100", v, 8);
    int a = -1, b = -1;
    int ok = find_pair(n, v, 32, &a, &b);
    printf("n=%d ok=%d a=%d b=%d\n", n, ok, a, b);
    return (n == 6 && ok && v[a] + v[b] == 32) ? 0 : 1;
}
