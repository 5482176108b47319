/* Exercises: multi-dimensional arrays (2-D and 3-D) with initializers,
   partial initialization, sizeof on sub-arrays, passing int (*)[N],
   tic-tac-toe winner detection, game of life step. */
#include <stdio.h>

#define N 6

static int winner(const char b[3][3])
{
    static const int lines[8][3][2] = {
        { {0,0},{0,1},{0,2} }, { {1,0},{1,1},{1,2} }, { {2,0},{2,1},{2,2} },
        { {0,0},{1,0},{2,0} }, { {0,1},{1,1},{2,1} }, { {0,2},{1,2},{2,2} },
        { {0,0},{1,1},{2,2} }, { {0,2},{1,1},{2,0} },
    };
    for (int l = 0; l < 8; l++) {
        char c = b[lines[l][0][0]][lines[l][0][1]];
        if (c != '.' && c == b[lines[l][1][0]][lines[l][1][1]] &&
            c == b[lines[l][2][0]][lines[l][2][1]])
            return c;
    }
    return 0;
}

static void life_step(const unsigned char in[N][N], unsigned char out[N][N])
{
    for (int y = 0; y < N; y++)
        for (int x = 0; x < N; x++) {
            int n = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    int yy = y + dy, xx = x + dx;
                    if ((dy || dx) && yy >= 0 && yy < N && xx >= 0 && xx < N)
                        n += in[yy][xx];
                }
            out[y][x] = (unsigned char)(n == 3 || (n == 2 && in[y][x]));
        }
}

int main(void)
{
    const char board[3][3] = { "XO.", ".XO", "O.X" };
    unsigned char g[2][N][N] = { { [1] = { 0, 0, 1 }, [2] = { 0, 0, 1 }, [3] = { 0, 0, 1 } } };
    for (int gen = 0; gen < 4; gen++)
        life_step((const unsigned char (*)[N])g[gen & 1], g[(gen + 1) & 1]);
    int alive = 0;
    for (int y = 0; y < N; y++)
        for (int x = 0; x < N; x++)
            alive += g[0][y][x];
    printf("winner=%c alive=%d sizes=%zu,%zu,%zu\n", winner(board), alive,
           sizeof g, sizeof g[0], sizeof g[0][0]);
    return (winner(board) == 'X' && alive == 3 && g[0][2][2] == 1) ? 0 : 1;
}
