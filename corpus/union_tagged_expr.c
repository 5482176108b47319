/* Exercises: recursive evaluation of an expression tree stored in a static
   node pool, union members holding child indices or a literal, enums with
   explicit values, switch with fallthrough, recursion. */
#include <stdio.h>

enum op { LIT = 1, NEG = 2, ADD = 10, SUB, MUL, MAXOP = 20 };

struct node {
    enum op op;
    union {
        int lit;
        int child;
        struct { int l, r; } bin;
    } as;
};

static struct node pool[16];
static int used;

static int mk_lit(int v) { pool[used].op = LIT; pool[used].as.lit = v; return used++; }
static int mk_un(enum op o, int c) { pool[used].op = o; pool[used].as.child = c; return used++; }
static int mk_bin(enum op o, int l, int r)
{
    pool[used].op = o;
    pool[used].as.bin.l = l;
    pool[used].as.bin.r = r;
    return used++;
}

static int eval(int idx)
{
    const struct node *n = &pool[idx];
    int l, r;
    switch (n->op) {
    case LIT:
        return n->as.lit;
    case NEG:
        return -eval(n->as.child);
    case ADD:
    case SUB:
    case MUL:
        l = eval(n->as.bin.l);
        r = eval(n->as.bin.r);
        if (n->op == ADD) return l + r;
        if (n->op == SUB) return l - r;
        return l * r;
    case MAXOP:
    default:
        return 0;
    }
}

int main(void)
{
    /* (3 + 4) * -(10 - 2) */
    int a = mk_bin(ADD, mk_lit(3), mk_lit(4));
    int b = mk_un(NEG, mk_bin(SUB, mk_lit(10), mk_lit(2)));
    int root = mk_bin(MUL, a, b);
    int v = eval(root);
    printf("value=%d nodes=%d\n", v, used);
    return v == -56 ? 0 : 1;
}
