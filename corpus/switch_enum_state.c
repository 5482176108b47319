/* Exercises: enum with explicit values used as switch cases, a traffic-light
   state machine, enum arithmetic, switch with default handling unknown
   states, do-while driver loop. */
#include <stdio.h>

typedef enum {
    ST_RED = 10,
    ST_RED_AMBER = 15,
    ST_GREEN = 20,
    ST_AMBER = 30,
    ST_FAULT = -1
} light_state;

typedef enum { EV_TICK, EV_ERROR, EV_RESET } event;

static light_state next(light_state s, event e, int *timer)
{
    if (e == EV_ERROR)
        return ST_FAULT;
    if (e == EV_RESET) {
        *timer = 0;
        return ST_RED;
    }
    ++*timer;
    switch (s) {
    case ST_RED:
        return *timer >= 3 ? (*timer = 0, ST_RED_AMBER) : ST_RED;
    case ST_RED_AMBER:
        return *timer >= 1 ? (*timer = 0, ST_GREEN) : s;
    case ST_GREEN:
        if (*timer >= 4) {
            *timer = 0;
            return ST_AMBER;
        }
        return ST_GREEN;
    case ST_AMBER:
        if (*timer >= 2) {
            *timer = 0;
            return ST_RED;
        }
        break;
    case ST_FAULT:
    default:
        return ST_FAULT;
    }
    return s;
}

int main(void)
{
    static const event script[] = {
        EV_TICK, EV_TICK, EV_TICK, EV_TICK, EV_TICK, EV_TICK, EV_TICK,
        EV_TICK, EV_TICK, EV_TICK, EV_ERROR, EV_TICK, EV_RESET, EV_TICK,
    };
    light_state s = ST_RED;
    int timer = 0, i = 0, trace = 0;
    do {
        s = next(s, script[i], &timer);
        trace = (trace * 7 + (int)s + 1) % 100003;
    } while (++i < (int)(sizeof script / sizeof script[0]));
    printf("final=%d trace=%d\n", (int)s, trace);
    return s == ST_RED ? 0 : 1;
}
