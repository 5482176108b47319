/* Exercises: _Bool and stdbool's bool/true/false, conversion of arbitrary
   scalars to _Bool, short-circuit && and || with side effects, logical
   negation, truth tables. */
#include <stdbool.h>
#include <stdio.h>

static int evaluated;

static bool probe(bool v)
{
    evaluated++;
    return v;
}

static bool implies(bool a, bool b) { return !a || b; }
static bool xor_b(bool a, bool b) { return a != b; }

int main(void)
{
    double half = 0.5;
    _Bool b1 = 42, b2 = half, b3 = (void *)0 != 0;
    bool flags[8];
    int truth = 0;
    for (int i = 0; i < 8; i++) {
        bool a = i & 1, b = (i >> 1) & 1, c = (i >> 2) & 1;
        flags[i] = implies(a && b, c) && xor_b(a, c || b);
        truth |= (int)flags[i] << i;
    }
    evaluated = 0;
    bool r1 = probe(false) && probe(true);   /* 1 evaluation */
    bool r2 = probe(true) || probe(false);   /* 1 evaluation */
    bool r3 = probe(true) && probe(false);   /* 2 evaluations */
    int count = 0;
    for (int i = 0; i < 20; i++)
        count += !(i % 3) || !(i % 5);
    printf("b=%d%d%d truth=%#x r=%d%d%d evals=%d count=%d size=%zu\n",
           b1, b2, b3, truth, r1, r2, r3, evaluated, count, sizeof(_Bool));
    return (b1 == 1 && b2 == 1 && b3 == 0 && evaluated == 4 && count == 9) ? 0 : 1;
}
