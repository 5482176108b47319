/* Exercises: recursive quicksort (Lomuto) and merge sort with a static
   scratch buffer, recursion depth tracking, index arithmetic, unsigned
   LCG for deterministic data. */
#include <stdio.h>

#define N 64

static int scratch[N];
static int max_depth;

static int partition(int *v, int lo, int hi)
{
    int pivot = v[hi], i = lo;
    for (int j = lo; j < hi; j++)
        if (v[j] < pivot) {
            int t = v[i]; v[i] = v[j]; v[j] = t;
            i++;
        }
    int t = v[i]; v[i] = v[hi]; v[hi] = t;
    return i;
}

static void quicksort(int *v, int lo, int hi, int depth)
{
    if (depth > max_depth)
        max_depth = depth;
    if (lo >= hi)
        return;
    int p = partition(v, lo, hi);
    quicksort(v, lo, p - 1, depth + 1);
    quicksort(v, p + 1, hi, depth + 1);
}

static void merge_sort(int *v, int lo, int hi)
{
    if (hi - lo < 2)
        return;
    int mid = lo + (hi - lo) / 2;
    merge_sort(v, lo, mid);
    merge_sort(v, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        scratch[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < mid) scratch[k++] = v[i++];
    while (j < hi) scratch[k++] = v[j++];
    for (k = lo; k < hi; k++)
        v[k] = scratch[k];
}

int main(void)
{
    int a[N], b[N];
    unsigned s = 12345u;
    for (int i = 0; i < N; i++) {
        s = s * 1664525u + 1013904223u;
        a[i] = b[i] = (int)(s >> 20) - 2048;
    }
    quicksort(a, 0, N - 1, 0);
    merge_sort(b, 0, N);
    int equal = 1;
    for (int i = 0; i < N; i++)
        equal &= a[i] == b[i];
    for (int i = 1; i < N; i++)
        if (a[i - 1] > a[i])
            equal = 0;
    printf("min=%d max=%d equal=%d depth=%d\n", a[0], a[N - 1], equal, max_depth);
    return equal ? 0 : 1;
}
