/* Exercises: opaque-style typedef'd struct pointers (typedef struct q *Queue),
   typedef chains over pointer types, arrays of typedef'd pointers,
   const-qualified typedef'd pointers, -> access through typedef handles. */
#include <stdio.h>
#include <stdbool.h>

typedef struct queue_impl *Queue;
typedef Queue QueueHandle;
typedef const struct queue_impl *ConstQueue;
typedef int elem_t;
typedef elem_t slot_array[8];

struct queue_impl {
    slot_array slots;
    int head, count;
    const char *label;
};

static struct queue_impl storage[3];

static QueueHandle q_init(int i, const char *label)
{
    Queue q = &storage[i];
    q->head = q->count = 0;
    q->label = label;
    return q;
}

static bool q_put(Queue q, elem_t v)
{
    if (q->count == 8)
        return false;
    q->slots[(q->head + q->count++) % 8] = v;
    return true;
}

static bool q_get(Queue q, elem_t *out)
{
    if (!q->count)
        return false;
    *out = q->slots[q->head];
    q->head = (q->head + 1) % 8;
    q->count--;
    return true;
}

static int q_len(ConstQueue q) { return q->count; }

int main(void)
{
    QueueHandle qs[3] = { q_init(0, "a"), q_init(1, "b"), q_init(2, "c") };
    for (int i = 0; i < 20; i++)
        q_put(qs[i % 3], i);
    elem_t v, moved = 0;
    while (q_get(qs[0], &v))
        if (q_put(qs[v % 2 ? 1 : 2], v * 10))
            moved++;
    int lens = 0;
    for (int i = 0; i < 3; i++)
        lens = lens * 10 + q_len(qs[i]);
    elem_t first = 0;
    q_get(qs[1], &first);
    printf("moved=%d lens=%03d first=%d label=%s\n", moved, lens, first, qs[2]->label);
    return (lens == 88 && first == 1) ? 0 : 1;
}
