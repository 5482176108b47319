/* Exercises: goto-based error handling with several cleanup labels,
   forward and backward gotos, early returns, a static resource pool. */
#include <stdio.h>

#define POOL 4

static int in_use[POOL];
static int opened;

static int acquire(void)
{
    for (int i = 0; i < POOL; i++)
        if (!in_use[i]) {
            in_use[i] = 1;
            opened++;
            return i;
        }
    return -1;
}

static void release(int h)
{
    if (h >= 0 && h < POOL && in_use[h]) {
        in_use[h] = 0;
        opened--;
    }
}

static int job(int fail_at)
{
    int rc = -1;
    int a, b, c;
    a = acquire();
    if (a < 0)
        goto out;
    if (fail_at == 1)
        goto free_a;
    b = acquire();
    if (b < 0)
        goto free_a;
    if (fail_at == 2)
        goto free_b;
    c = acquire();
    if (c < 0)
        goto free_b;
    if (fail_at == 3)
        goto free_c;
    rc = a + b * 10 + c * 100;
free_c:
    release(c);
free_b:
    release(b);
free_a:
    release(a);
out:
    return rc;
}

static int retry_count(int limit)
{
    int tries = 0;
again:
    tries++;
    if (tries < limit)
        goto again;
    return tries;
}

int main(void)
{
    int r0 = job(0), r1 = job(1), r2 = job(2), r3 = job(3);
    int t = retry_count(5);
    printf("%d %d %d %d open=%d tries=%d\n", r0, r1, r2, r3, opened, t);
    return (opened == 0 && r0 == 210 && r3 == -1 && t == 5) ? 0 : 1;
}
