/* Exercises: structs passed and returned by value (small and large), struct
   assignment, arrays inside returned structs, pointers to struct members,
   nested struct returned from a function and accessed with '.' chains. */
#include <stdio.h>

struct pair { int a, b; };
struct stats { long sum; int min, max; double mean; struct pair range_idx; };
struct big { int v[16]; };

static struct pair minmax_pair(int x, int y)
{
    return x < y ? (struct pair){ x, y } : (struct pair){ y, x };
}

static struct stats analyse(const int *v, int n)
{
    struct stats s = { 0, v[0], v[0], 0.0, { 0, 0 } };
    for (int i = 0; i < n; i++) {
        s.sum += v[i];
        if (v[i] < s.min) { s.min = v[i]; s.range_idx.a = i; }
        if (v[i] > s.max) { s.max = v[i]; s.range_idx.b = i; }
    }
    s.mean = (double)s.sum / n;
    return s;
}

static struct big squares(int k)
{
    struct big b;
    for (int i = 0; i < 16; i++)
        b.v[i] = (i + k) * (i + k);
    return b;
}

static int sum_big(struct big b)
{
    int s = 0;
    for (int i = 0; i < 16; i++)
        s += b.v[i];
    b.v[0] = -1;      /* modifies the copy only */
    return s;
}

int main(void)
{
    int data[] = { 7, -3, 12, 0, 5, 12, -8, 4 };
    struct stats st = analyse(data, 8);
    struct pair p = minmax_pair(9, 2), q;
    q = p;
    q.a += 100;
    struct big b = squares(1);
    int s1 = sum_big(b), s2 = sum_big(squares(0));
    int *mp = &st.range_idx.b;
    *mp += 0;
    printf("sum=%ld min=%d max=%d mean=%.3f idx=%d,%d p=%d,%d q=%d b0=%d s=%d,%d\n", st.sum,
           st.min, st.max, st.mean, st.range_idx.a, st.range_idx.b, p.a, p.b, q.a, b.v[0], s1, s2);
    return (st.sum == 29 && analyse(data, 8).range_idx.a == 6 && p.a == 2 && b.v[0] == 1 && s1 == 1496) ? 0 : 1;
}
