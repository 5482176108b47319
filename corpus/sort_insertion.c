/* Exercises: insertion sort, selection sort and bubble sort with early exit
   on int and string arrays, while loops with compound conditions, swap
   helpers via pointers, array copies. */
#include <stdio.h>
#include <string.h>

static void swap_int(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void insertion_sort(int *v, int n)
{
    for (int i = 1; i < n; i++) {
        int key = v[i], j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
}

static void selection_sort(int *v, int n)
{
    for (int i = 0; i < n - 1; i++) {
        int m = i;
        for (int j = i + 1; j < n; j++)
            if (v[j] < v[m])
                m = j;
        if (m != i)
            swap_int(&v[i], &v[m]);
    }
}

static int bubble_sort_str(const char **v, int n)
{
    int passes = 0, swapped;
    do {
        swapped = 0;
        for (int i = 1; i < n; i++)
            if (strcmp(v[i - 1], v[i]) > 0) {
                const char *t = v[i - 1];
                v[i - 1] = v[i];
                v[i] = t;
                swapped = 1;
            }
        passes++;
        n--;
    } while (swapped);
    return passes;
}

static int is_sorted(const int *v, int n)
{
    for (int i = 1; i < n; i++)
        if (v[i - 1] > v[i])
            return 0;
    return 1;
}

int main(void)
{
    int a[] = { 29, -4, 17, 0, 8, 8, 103, -50, 2 };
    int b[sizeof a / sizeof a[0]];
    int n = (int)(sizeof a / sizeof a[0]);
    memcpy(b, a, sizeof a);
    insertion_sort(a, n);
    selection_sort(b, n);
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    int passes = bubble_sort_str(words, 5);
    int same = memcmp(a, b, sizeof a) == 0;
    printf("%d..%d same=%d sorted=%d first=%s last=%s passes=%d\n", a[0], a[n - 1], same,
           is_sorted(a, n), words[0], words[4], passes);
    return (same && is_sorted(a, n) && strcmp(words[0], "apple") == 0) ? 0 : 1;
}
