/* a state machine whose error path jumps out of a switch */
#include <stdio.h>

enum state { IDLE, RUN, STOP };

static int step(enum state *s, int input)
{
    int out = 0;
    switch (*s) {
    case IDLE:
        if (input < 0)
            goto fail;
        *s = RUN;
        break;
    case RUN:
        out = input * 2;
        if (out > 100)
            *s = STOP;
        break;
    case STOP:
        break;
    }
    return out;
fail:
    *s = STOP;
    return -1;
}

int main(void)
{
    enum state s = IDLE;
    for (int i = -1; i < 60; i += 7)
        printf("%d\n", step(&s, i));
    return 0;
}
