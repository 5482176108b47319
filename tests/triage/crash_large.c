/* a small bytecode interpreter: dispatch by switch, shared exits by goto */
#include <stdio.h>
#include <stdlib.h>

enum op { PUSH, ADD, SUB, MUL, DUP, JZ, JMP, PRINT, HALT };

struct vm {
    long stack[64];
    int sp;
    int pc;
    long steps;
};

static long pop(struct vm *m)
{
    return m->sp > 0 ? m->stack[--m->sp] : 0;
}

static void push(struct vm *m, long v)
{
    if (m->sp < 64)
        m->stack[m->sp++] = v;
}

static int run(struct vm *m, const int *code, int len)
{
    long a, b;
    while (m->pc < len) {
        switch (code[m->pc++]) {
        case PUSH:
            push(m, code[m->pc++]);
            break;
        case ADD:
            b = pop(m);
            a = pop(m);
            push(m, a + b);
            break;
        case SUB:
            b = pop(m);
            a = pop(m);
            push(m, a - b);
            break;
        case DUP:
            a = pop(m);
            push(m, a);
            push(m, a);
            break;
        case JZ:
            a = pop(m);
            if (a == 0)
                m->pc = code[m->pc];
            else
                m->pc++;
            break;
        case JMP:
            m->pc = code[m->pc];
            break;
        case PRINT:
            printf("%ld\n", pop(m));
            break;
        case HALT:
            goto done;
        default:
            goto bad_op;
        }
    }
done:
    return 0;
bad_op:
    fprintf(stderr, "bad opcode at pc %d\n", m->pc - 1);
    return 2;
}

int main(void)
{
    static const int prog[] = {PUSH, 5, DUP, PRINT, PUSH, 1, SUB, DUP, JZ, 12, JMP, 2, HALT};
    struct vm m = {{0}, 0, 0, 0};
    return run(&m, prog, (int)(sizeof prog / sizeof prog[0]));
}
