/* Exercises: N-queens by backtracking with a VLA board parameter
   (int n, int cols[n]) and by bitmask recursion on unsigned values;
   conflict checks with abs computed via ternary; loops over board sizes. */
#include <stdio.h>

static int safe(int n, const int cols[n], int row, int col)
{
    for (int r = 0; r < row; r++) {
        int d = cols[r] - col;
        d = d < 0 ? -d : d;
        if (cols[r] == col || d == row - r)
            return 0;
    }
    return 1;
}

static int solve(int n, int cols[n], int row)
{
    if (row == n)
        return 1;
    int total = 0;
    for (int c = 0; c < n; c++)
        if (safe(n, cols, row, c)) {
            cols[row] = c;
            total += solve(n, cols, row + 1);
        }
    return total;
}

static int solve_bits(unsigned all, unsigned cols, unsigned d1, unsigned d2)
{
    if (cols == all)
        return 1;
    int total = 0;
    unsigned avail = all & ~(cols | d1 | d2);
    while (avail) {
        unsigned bit = avail & (0u - avail);
        avail ^= bit;
        total += solve_bits(all, cols | bit, ((d1 | bit) << 1) & all, (d2 | bit) >> 1);
    }
    return total;
}

int main(void)
{
    int results[9];
    int agree = 1;
    for (int n = 1; n <= 8; n++) {
        int cols[n];
        results[n] = solve(n, cols, 0);
        agree &= results[n] == solve_bits((1u << n) - 1u, 0, 0, 0);
        printf("%d ", results[n]);
    }
    printf("\nagree=%d\n", agree);
    return (agree && results[8] == 92 && results[6] == 4) ? 0 : 1;
}
