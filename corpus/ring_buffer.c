/* Exercises: a fixed-capacity ring buffer struct with head/tail indices,
   power-of-two masking, push/pop returning status, struct pointer
   parameters, a producer/consumer simulation loop. */
#include <stdio.h>
#include <stdbool.h>

#define RB_CAP 8u
#define RB_MASK (RB_CAP - 1u)

typedef struct {
    int data[RB_CAP];
    unsigned head, tail;   /* free-running counters */
    unsigned dropped;
} ring;

static inline bool rb_empty(const ring *r) { return r->head == r->tail; }
static inline bool rb_full(const ring *r) { return r->head - r->tail == RB_CAP; }
static inline unsigned rb_size(const ring *r) { return r->head - r->tail; }

static bool rb_push(ring *r, int v)
{
    if (rb_full(r)) {
        r->dropped++;
        return false;
    }
    r->data[r->head++ & RB_MASK] = v;
    return true;
}

static bool rb_pop(ring *r, int *out)
{
    if (rb_empty(r))
        return false;
    *out = r->data[r->tail++ & RB_MASK];
    return true;
}

int main(void)
{
    ring r = { .head = 0xFFFFFFF0u, .tail = 0xFFFFFFF0u };   /* exercise counter wrap */
    long consumed = 0;
    int pops = 0, maxsize = 0;
    for (int t = 0; t < 100; t++) {
        int burst = (t * 7) % 5;
        for (int k = 0; k < burst; k++)
            rb_push(&r, t * 10 + k);
        if ((int)rb_size(&r) > maxsize)
            maxsize = (int)rb_size(&r);
        int v;
        for (int k = 0; k < 1 + (t % 4 == 0) && rb_pop(&r, &v); k++) {
            consumed += v;
            pops++;
        }
    }
    int v;
    while (rb_pop(&r, &v)) {
        consumed += v;
        pops++;
    }
    printf("pops=%d dropped=%u max=%d consumed=%ld\n", pops, r.dropped, maxsize, consumed);
    return (rb_empty(&r) && maxsize == 8 && pops + (int)r.dropped == 200) ? 0 : 1;
}
