/* Exercises: 2-D variable length arrays, VLA parameters (int n, int m,
   double a[n][m]), sizeof on VLAs, matrix transpose and multiply. */
#include <stdio.h>

static void fill(int n, int m, double a[n][m], double base)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            a[i][j] = base + i * 0.5 + j * 0.25;
}

static void transpose(int n, int m, double src[n][m], double dst[m][n])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            dst[j][i] = src[i][j];
}

static void multiply(int n, int k, int m, double a[n][k], double b[k][m], double c[n][m])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            double s = 0.0;
            for (int t = 0; t < k; t++)
                s += a[i][t] * b[t][j];
            c[i][j] = s;
        }
}

static double trace(int n, double a[n][n])
{
    double t = 0;
    for (int i = 0; i < n; i++)
        t += a[i][i];
    return t;
}

int main(void)
{
    int rows = 3, cols = 4;
    double a[rows][cols];
    double at[cols][rows];
    double prod[rows][rows];
    fill(rows, cols, a, 1.0);
    transpose(rows, cols, a, at);
    multiply(rows, cols, rows, a, at, prod);
    double tr = trace(rows, prod);
    size_t bytes = sizeof a;
    size_t row_bytes = sizeof a[0];
    printf("trace=%.4f bytes=%zu row=%zu p01=%.4f\n", tr, bytes, row_bytes, prod[0][1]);
    return (bytes == 12 * sizeof(double) && prod[0][1] == prod[1][0]) ? 0 : 1;
}
