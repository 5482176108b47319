/* Exercises: a tiny stack-machine interpreter: enum opcodes, struct
   instructions, switch dispatch with grouped cases and a fallthrough from
   DECJNZ into POP, bounded stack and registers with error codes, jumps. */
#include <stdio.h>

enum opcode { PUSH, POP, DUP, SWAP, ADD, SUB, MUL, LOAD, STORE, JNZ, DECJNZ, PRINT, HALT };

struct insn { enum opcode op; int arg; };

#define STACK_MAX 16
#define NREGS 4

static int run(const struct insn *prog, int len, int *out)
{
    int stack[STACK_MAX], regs[NREGS] = { 0 };
    int sp = 0, pc = 0, steps = 0;
    while (pc >= 0 && pc < len && steps++ < 1000) {
        const struct insn *in = &prog[pc++];
        switch (in->op) {
        case PUSH:
            if (sp == STACK_MAX) return -1;
            stack[sp++] = in->arg;
            break;
        case DUP:
            if (sp == 0 || sp == STACK_MAX) return -1;
            stack[sp] = stack[sp - 1];
            sp++;
            break;
        case SWAP: {
            if (sp < 2) return -2;
            int t = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = t;
            break;
        }
        case ADD: case SUB: case MUL: {
            if (sp < 2) return -2;
            int b = stack[--sp], a = stack[--sp];
            stack[sp++] = in->op == ADD ? a + b : in->op == SUB ? a - b : a * b;
            break;
        }
        case LOAD:
            if (sp == STACK_MAX || in->arg < 0 || in->arg >= NREGS) return -1;
            stack[sp++] = regs[in->arg];
            break;
        case STORE:
            if (sp == 0 || in->arg < 0 || in->arg >= NREGS) return -2;
            regs[in->arg] = stack[--sp];
            break;
        case JNZ:
            if (sp == 0) return -2;
            if (stack[--sp] != 0)
                pc = in->arg;
            break;
        case DECJNZ:
            if (sp == 0) return -2;
            if (--stack[sp - 1] != 0) {
                pc = in->arg;
                break;
            }
            /* fallthrough: counter reached zero, drop it */
        case POP:
            if (sp == 0) return -2;
            sp--;
            break;
        case PRINT:
            if (sp == 0) return -2;
            *out = stack[sp - 1];
            break;
        case HALT:
            return sp;
        default:
            return -3;
        }
    }
    return -4;
}

int main(void)
{
    const struct insn fact[] = {
        { PUSH, 1 }, { STORE, 0 },                          /* acc = 1 */
        { PUSH, 5 }, { STORE, 1 },                          /* n = 5 */
        { LOAD, 0 }, { LOAD, 1 }, { MUL, 0 }, { STORE, 0 }, /* 4: acc *= n */
        { LOAD, 1 }, { PUSH, 1 }, { SUB, 0 }, { DUP, 0 }, { STORE, 1 },
        { JNZ, 4 },
        { LOAD, 0 }, { PRINT, 0 }, { HALT, 0 },
    };
    const struct insn squares[] = {
        { PUSH, 0 }, { STORE, 0 },                          /* sum = 0 */
        { PUSH, 4 },                                        /* counter */
        { DUP, 0 }, { DUP, 0 }, { MUL, 0 }, { LOAD, 0 }, { ADD, 0 }, { STORE, 0 },
        { DECJNZ, 3 },
        { LOAD, 0 }, { PRINT, 0 }, { HALT, 0 },
    };
    const struct insn bad[] = { { PUSH, 2 }, { ADD, 0 } };
    int r1 = 0, r2 = 0, r3 = 0;
    int d1 = run(fact, (int)(sizeof fact / sizeof fact[0]), &r1);
    int d2 = run(squares, (int)(sizeof squares / sizeof squares[0]), &r2);
    int d3 = run(bad, 2, &r3);
    printf("fact=%d (sp %d) squares=%d (sp %d) bad=%d\n", r1, d1, r2, d2, d3);
    return (r1 == 120 && d1 == 1 && r2 == 30 && d2 == 1 && d3 == -2) ? 0 : 1;
}
