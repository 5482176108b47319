/* Exercises: VLA parameters written as int n, int a[n] and int a[static 1],
   2-D VLA walked by pointer to row, block-scope VLA sized at run time,
   Pascal's triangle and a flood-fill count over a grid. */
#include <stdio.h>

static long sum_vec(int n, const int a[n])
{
    long s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

static void pascal(int n, long t[n][n])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            t[i][j] = (j == 0 || j == i) ? 1 : (j < i ? t[i - 1][j - 1] + t[i - 1][j] : 0);
}

static int fill_region(int h, int w, char g[h][w], int y, int x)
{
    if (y < 0 || y >= h || x < 0 || x >= w || g[y][x] != '.')
        return 0;
    g[y][x] = '#';
    return 1 + fill_region(h, w, g, y + 1, x) + fill_region(h, w, g, y - 1, x)
             + fill_region(h, w, g, y, x + 1) + fill_region(h, w, g, y, x - 1);
}

static int first(const int a[static 1])
{
    return a[0];
}

int main(void)
{
    int n = 7;
    long tri[n][n];
    pascal(n, tri);
    int row[n];
    for (int j = 0; j < n; j++)
        row[j] = (int)tri[n - 1][j];
    long s = sum_vec(n, row);
    char grid[4][6] = { "..x...", ".xx.x.", "..x.x.", "xxx..." };
    /* each row initialised from a 6-char prefix of the literal (no NUL kept) */
    int h = 4, w = 6;
    int region = fill_region(h, w, grid, 0, 0);
    long (*rp)[n] = tri;
    rp += 3;
    printf("row6sum=%ld region=%d t3=%ld first=%d\n", s, region, (*rp)[1], first(row));
    return (s == 64 && region == 5) ? 0 : 1;
}
