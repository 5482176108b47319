/* Exercises: VLAs whose size depends on a loop variable, sizeof evaluated at
   run time, prefix sums, VLA of structs, nested block scopes. */
#include <stdio.h>

struct cell { int value; int prefix; };

static int compute(int n, unsigned seed)
{
    struct cell cells[n];
    unsigned x = seed;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        cells[i].value = (int)((x >> 16) % 100u) - 50;
    }
    int running = 0;
    for (int i = 0; i < n; i++) {
        running += cells[i].value;
        cells[i].prefix = running;
    }
    int best = cells[0].prefix, lo = 0;
    for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
            int s = cells[j].prefix - (i ? cells[i - 1].prefix : 0);
            if (s > best) {
                best = s;
                lo = i;
            }
        }
    }
    return best * 100 + lo;
}

int main(void)
{
    int acc = 0;
    for (int n = 1; n <= 12; n++) {
        int buf[n * 2];
        size_t sz = sizeof buf;
        if (sz != (size_t)n * 2 * sizeof(int))
            return 1;
        acc += compute(n, (unsigned)n * 7u) % 1000;
    }
    printf("acc=%d\n", acc);
    return 0;
}
