/* Exercises: determinant by fraction-free Gaussian elimination (Bareiss) on
   a VLA copy of a matrix, VLA parameters long long m[n][n], row swaps with
   sign tracking, nested loops, exact integer division. */
#include <stdio.h>

static long long det(int n, const long long src[n][n])
{
    long long m[n][n];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            m[i][j] = src[i][j];
    long long prev = 1;
    int sign = 1;
    for (int k = 0; k < n - 1; k++) {
        if (m[k][k] == 0) {
            int s = k + 1;
            while (s < n && m[s][k] == 0)
                s++;
            if (s == n)
                return 0;
            for (int j = 0; j < n; j++) {
                long long t = m[k][j];
                m[k][j] = m[s][j];
                m[s][j] = t;
            }
            sign = -sign;
        }
        for (int i = k + 1; i < n; i++)
            for (int j = k + 1; j < n; j++)
                m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev;
        prev = m[k][k];
    }
    return sign * m[n - 1][n - 1];
}

int main(void)
{
    const long long a[3][3] = { { 2, -3, 1 }, { 2, 0, -1 }, { 1, 4, 5 } };
    const long long b[4][4] = { { 0, 1, 2, 3 }, { 1, 0, 1, 2 }, { 2, 1, 0, 1 }, { 3, 2, 1, 0 } };
    int n = 5;
    long long h[n][n];            /* Hilbert-like integer matrix */
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            h[i][j] = (i + 1) * (j + 2) % 7 + (i == j);
    long long da = det(3, a), db = det(4, b), dh = det(n, (const long long (*)[n])h);
    printf("da=%lld db=%lld dh=%lld\n", da, db, dh);
    return (da == 49 && db == -12) ? 0 : 1;
}
