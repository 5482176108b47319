/* Exercises: breadth-first search over a char grid using a static array
   queue of structs, direction tables, distance matrix, shortest path
   length, unreachable detection. */
#include <stdio.h>

#define H 7
#define W 9

static const char *const maze[H] = {
    "S..#.....",
    ".#.#.###.",
    ".#...#...",
    ".####.#.#",
    "......#..",
    "#.###.##.",
    "....#...E",
};

struct pos { signed char r, c; };

static int bfs(struct pos start, struct pos goal, int dist[H][W])
{
    static const int dr[4] = { -1, 1, 0, 0 }, dc[4] = { 0, 0, -1, 1 };
    struct pos queue[H * W];
    int qh = 0, qt = 0;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++)
            dist[r][c] = -1;
    dist[start.r][start.c] = 0;
    queue[qt++] = start;
    while (qh < qt) {
        struct pos p = queue[qh++];
        if (p.r == goal.r && p.c == goal.c)
            return dist[p.r][p.c];
        for (int k = 0; k < 4; k++) {
            int nr = p.r + dr[k], nc = p.c + dc[k];
            if (nr < 0 || nr >= H || nc < 0 || nc >= W)
                continue;
            if (maze[nr][nc] == '#' || dist[nr][nc] != -1)
                continue;
            dist[nr][nc] = dist[p.r][p.c] + 1;
            queue[qt++] = (struct pos){ (signed char)nr, (signed char)nc };
        }
    }
    return -1;
}

int main(void)
{
    int dist[H][W];
    struct pos s = { 0, 0 }, e = { H - 1, W - 1 };
    int d = bfs(s, e, dist);
    int reached = 0;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++)
            reached += dist[r][c] >= 0;
    int blocked = bfs(s, (struct pos){ 0, 3 }, dist);
    printf("shortest=%d reached=%d blocked=%d\n", d, reached, blocked);
    return (d > 0 && blocked == -1) ? 0 : 1;
}
