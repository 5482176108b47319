/* Exercises: pointer arithmetic within arrays, pointer differences
   (ptrdiff_t), pointer comparisons, one-past-the-end pointers, walking 2-D
   arrays through row pointers, pointers to pointers. */
#include <stdio.h>
#include <stddef.h>

static int *find(int *begin, int *end, int key)
{
    for (int *p = begin; p != end; ++p)
        if (*p == key)
            return p;
    return end;
}

static void reverse_range(int *lo, int *hi)
{
    while (lo < --hi) {
        int t = *lo;
        *lo++ = *hi;
        *hi = t;
    }
}

int main(void)
{
    int v[10];
    for (int i = 0; i < 10; i++)
        *(v + i) = i * i;
    int *end = v + 10;
    int *hit = find(v, end, 49);
    ptrdiff_t pos = hit - v;
    reverse_range(v + 2, v + 8);
    int m[3][4] = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };
    int (*row)[4] = m + 1;
    int *cell = *row + 2;                /* m[1][2] */
    int diag = 0;
    for (int (*r)[4] = m; r < m + 3; r++)
        diag += (*r)[r - m];
    int *ptrs[3] = { &v[0], &v[5], end - 1 };
    int **pp = ptrs;
    int sum = **pp + *pp[1] + **(pp + 2);
    printf("pos=%td v2=%d v7=%d cell=%d diag=%d sum=%d\n", pos, v[2], v[7], *cell, diag, sum);
    return (pos == 7 && v[2] == 49 && *cell == 7 && diag == 18 && sum == 0 + 16 + 81) ? 0 : 1;
}
