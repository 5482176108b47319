/* Exercises: callbacks with a void * context, qsort-like generic insertion
   sort taking a comparator, function pointer parameters, casts from void *. */
#include <stdio.h>
#include <stddef.h>

typedef int (*cmp_fn)(const void *, const void *);
typedef void (*visit_fn)(void *ctx, int value);

static void generic_sort(void *base, size_t n, size_t size, cmp_fn cmp)
{
    unsigned char *b = base;
    unsigned char tmp[32];
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        for (size_t k = 0; k < size; k++)
            tmp[k] = b[i * size + k];
        while (j > 0 && cmp(b + (j - 1) * size, tmp) > 0) {
            for (size_t k = 0; k < size; k++)
                b[j * size + k] = b[(j - 1) * size + k];
            j--;
        }
        for (size_t k = 0; k < size; k++)
            b[j * size + k] = tmp[k];
    }
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_short_desc(const void *a, const void *b)
{
    short x = *(const short *)a, y = *(const short *)b;
    return (y > x) - (y < x);
}

static void for_each(const int *v, int n, visit_fn f, void *ctx)
{
    for (int i = 0; i < n; i++)
        f(ctx, v[i]);
}

static void accumulate(void *ctx, int value)
{
    long *sum = ctx;
    *sum = *sum * 3 + value;
}

int main(void)
{
    int a[] = { 9, -1, 4, 4, 0, 12, 7 };
    short s[] = { 3, 8, -2, 5 };
    generic_sort(a, 7, sizeof a[0], cmp_int);
    generic_sort(s, 4, sizeof s[0], cmp_short_desc);
    long sum = 0;
    for_each(a, 7, accumulate, &sum);
    for (int i = 0; i < 7; i++)
        printf("%d ", a[i]);
    printf("| %d %d %d %d | %ld\n", s[0], s[1], s[2], s[3], sum);
    return (a[0] == -1 && s[0] == 8) ? 0 : 1;
}
