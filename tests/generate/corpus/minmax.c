/* relational operators in conditions and expressions */
#include <stdio.h>

static int clamp(int v, int lo, int hi)
{
    if (v < lo)
        return lo;
    if (v > hi)
        return hi;
    return v;
}

int main(void)
{
    int total = 0;
    for (int i = 0; i <= 10; i++)
        total += clamp(i * 3, 2, 20);
    int same = (total == 150) + (total != 3);
    printf("%d %d\n", total, same);
    return total >= 0 ? 0 : 1;
}
