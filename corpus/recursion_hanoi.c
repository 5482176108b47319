/* Exercises: recursion (Towers of Hanoi with move recording, bounded
   Ackermann, mutual recursion is_even/is_odd, recursive power), static
   arrays as pegs, forward declarations. */
#include <stdio.h>

static int is_odd(unsigned n);

static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int pegs[3][8];
static int height[3];
static int moves;

static void move_disk(int from, int to)
{
    int d = pegs[from][--height[from]];
    pegs[to][height[to]++] = d;
    moves++;
}

static void hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    move_disk(from, to);
    hanoi(n - 1, via, to, from);
}

static unsigned ackermann(unsigned m, unsigned n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static unsigned long long ipow(unsigned long long b, unsigned e)
{
    if (e == 0) return 1;
    unsigned long long h = ipow(b, e / 2);
    return (e & 1u) ? h * h * b : h * h;
}

int main(void)
{
    const int n = 7;
    for (int i = 0; i < n; i++)
        pegs[0][i] = n - i;
    height[0] = n;
    hanoi(n, 0, 2, 1);
    int ordered = height[2] == n;
    for (int i = 1; i < height[2]; i++)
        ordered &= pegs[2][i - 1] > pegs[2][i];
    unsigned a = ackermann(2, 3) + ackermann(1, 5) + ackermann(3, 2);
    unsigned long long p = ipow(3, 20);
    printf("moves=%d ordered=%d ack=%u pow=%llu even=%d%d\n", moves, ordered, a, p,
           is_even(10), is_even(7));
    return (moves == 127 && ordered && a == 9 + 7 + 29 && p == 3486784401ULL) ? 0 : 1;
}
