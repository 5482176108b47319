/* Exercises: signed and unsigned bitfields, _Bool bitfield, negative values
   stored in signed fields, ternaries on fields, post/pre increment. */
#include <stdio.h>

typedef struct {
    signed int dx : 5;      /* -16 .. 15 */
    signed int dy : 5;
    unsigned int steps : 6; /* 0 .. 63 */
    _Bool active : 1;
} move_t;

static int clamp5(int v)
{
    return v > 15 ? 15 : v < -16 ? -16 : v;
}

static void step(move_t *m, int ax, int ay)
{
    m->dx = clamp5(m->dx + ax);
    m->dy = clamp5(m->dy + ay);
    if (m->steps < 63)
        m->steps++;
    m->active = (m->dx != 0 || m->dy != 0);
}

int main(void)
{
    move_t m = { -3, 4, 0, 1 };
    int x = 0, y = 0;
    int accel[][2] = { {-5, 2}, {-9, -1}, {7, -20}, {1, 1}, {30, 3} };
    for (int i = 0; i < (int)(sizeof accel / sizeof accel[0]); i++) {
        step(&m, accel[i][0], accel[i][1]);
        x += m.dx;
        y += m.dy;
    }
    int s = m.steps;
    ++s;
    printf("dx=%d dy=%d steps=%u active=%d pos=(%d,%d) s=%d\n",
           m.dx, m.dy, m.steps, (int)m.active, x, y, s);
    return (m.dx == 15 && m.steps == 5) ? 0 : 1;
}
