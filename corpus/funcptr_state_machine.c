/* Exercises: a state machine where each state is a function returning the
   next state function (through a struct wrapper to allow the recursion),
   function pointers compared for equality, goto to leave on an error,
   event arrays, static counters. */
#include <stdio.h>

struct state;
typedef struct state (*state_fn)(int event);
struct state { state_fn fn; const char *name; };

static int coins, vends, rejects;

static struct state idle(int ev);
static struct state paid(int ev);
static struct state broken(int ev);

static struct state idle(int ev)
{
    if (ev == 'c') {
        coins++;
        return (struct state){ paid, "paid" };
    }
    if (ev == 'x')
        return (struct state){ broken, "broken" };
    rejects++;
    return (struct state){ idle, "idle" };
}

static struct state paid(int ev)
{
    switch (ev) {
    case 'v':
        vends++;
        return (struct state){ idle, "idle" };
    case 'c':
        coins++;   /* extra coin kept */
        /* fallthrough */
    default:
        return (struct state){ paid, "paid" };
    case 'x':
        return (struct state){ broken, "broken" };
    }
}

static struct state broken(int ev)
{
    (void)ev;
    return (struct state){ broken, "broken" };
}

static int drive(const char *events, const char **final_name)
{
    struct state s = { idle, "idle" };
    int steps = 0;
    for (const char *e = events; *e; e++) {
        s = s.fn(*e);
        steps++;
        if (s.fn == broken)
            goto fail;
    }
    *final_name = s.name;
    return steps;
fail:
    *final_name = s.name;
    return -steps;
}

int main(void)
{
    const char *n1 = "", *n2 = "";
    int a = drive("cvvcccvq", &n1);
    int b = drive("cvcxcv", &n2);
    printf("a=%d (%s) b=%d (%s) coins=%d vends=%d rejects=%d\n", a, n1, b, n2, coins, vends, rejects);
    return (a == 8 && b == -4 && vends == 3 && coins == 6 && rejects == 2) ? 0 : 1;
}
