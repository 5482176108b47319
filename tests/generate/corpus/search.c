/* a binary search: comparisons on array elements */
#include <stdio.h>

static int find(const int *a, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int main(void)
{
    int a[] = {1, 3, 5, 7, 9, 11};
    printf("%d %d\n", find(a, 6, 7), find(a, 6, 4));
    return 0;
}
