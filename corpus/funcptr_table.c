/* Exercises: array of function pointers, function-pointer typedef, indirect
   calls through table and through a struct member, const table. */
#include <stdio.h>

typedef int (*binop_fn)(int, int);

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_max(int a, int b) { return a > b ? a : b; }
static int op_min(int a, int b) { return a < b ? a : b; }

static const binop_fn table[] = { op_add, op_sub, op_mul, op_max, op_min };

struct named_op {
    const char *name;
    binop_fn fn;
};

static int fold(binop_fn f, const int *v, int n, int init)
{
    int acc = init;
    for (int i = 0; i < n; i++)
        acc = f(acc, v[i]);
    return acc;
}

int main(void)
{
    int data[] = { 4, -2, 7, 1, 3 };
    struct named_op ops[] = {
        { "add", op_add }, { "max", &op_max }, { "min", table[4] },
    };
    int check = 0;
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++)
        check += table[i](6, 3);
    for (int i = 0; i < 3; i++) {
        int r = fold(ops[i].fn, data, 5, i == 2 ? 100 : 0);
        printf("%s -> %d\n", ops[i].name, r);
        check += r;
    }
    int (*p)(int, int) = table[2];
    check += (*p)(2, 5);
    printf("check=%d\n", check);
    return check == 67 ? 0 : 1;
}
