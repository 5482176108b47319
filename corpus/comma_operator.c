/* Exercises: the comma operator in for headers, in conditions, in return
   expressions and in macro bodies; comma vs argument separators. */
#include <stdio.h>

#define SWAP_INT(a, b) ((a) ^= (b), (b) ^= (a), (a) ^= (b))

static int side_effects;

static int note(int v)
{
    side_effects++;
    return v;
}

static int two_pointer_sum(const int *v, int n, int target)
{
    int i, j, found = 0;
    for (i = 0, j = n - 1; i < j; ) {
        int s = v[i] + v[j];
        if (s == target)
            return found = 1, i * 100 + j;
        s < target ? i++ : j--;
    }
    return found;
}

int main(void)
{
    int v[] = { 1, 3, 4, 8, 11, 15, 20 };
    int r = two_pointer_sum(v, 7, 19);
    int a = 5, b = 9;
    SWAP_INT(a, b);
    int x = (note(1), note(2), note(3));
    int count = 0, k;
    while (k = count * 2, count++, k < 10)
        ;
    int y = (a += 1, b -= 1, a * b);
    int t;
    for (t = 0, a = 0; t < 5; t++, a += t)
        ;
    printf("r=%d x=%d fx=%d count=%d y=%d a=%d\n", r, x, side_effects, count, y, a);
    return (r == 205 && x == 3 && side_effects == 3 && count == 6 && y == 40) ? 0 : 1;
}
