/* Exercises: binary min-heap priority queue of structs in a static array,
   sift-up/sift-down with index arithmetic, heap sort output, struct
   comparisons on two keys, task scheduling simulation. */
#include <stdio.h>

typedef struct { int prio; unsigned seq; char name; } task;

static task heap[32];
static int hsize;
static unsigned seq_counter;

static int less(const task *a, const task *b)
{
    return a->prio < b->prio || (a->prio == b->prio && a->seq < b->seq);
}

static void swap(task *a, task *b) { task t = *a; *a = *b; *b = t; }

static int push(int prio, char name)
{
    if (hsize == 32) return 0;
    int i = hsize++;
    heap[i] = (task){ prio, seq_counter++, name };
    while (i > 0 && less(&heap[i], &heap[(i - 1) / 2])) {
        swap(&heap[i], &heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    return 1;
}

static int pop(task *out)
{
    if (hsize == 0) return 0;
    *out = heap[0];
    heap[0] = heap[--hsize];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < hsize && less(&heap[l], &heap[m])) m = l;
        if (r < hsize && less(&heap[r], &heap[m])) m = r;
        if (m == i) break;
        swap(&heap[i], &heap[m]);
        i = m;
    }
    return 1;
}

int main(void)
{
    const char *names = "abcdefghij";
    const int prios[] = { 5, 1, 4, 1, 5, 9, 2, 6, 5, 3 };
    for (int i = 0; i < 10; i++)
        push(prios[i], names[i]);
    char order[11];
    int n = 0, prev = -1, ok = 1;
    task t;
    while (pop(&t)) {
        ok &= t.prio >= prev;
        prev = t.prio;
        order[n++] = t.name;
        if (t.name == 'c')
            push(0, 'z');      /* spawn an urgent task */
        if (n == 10) break;
    }
    order[n] = '\0';
    printf("order=%s left=%d ok=%d\n", order, hsize, ok);
    return (order[0] == 'b' && order[1] == 'd' && hsize == 1) ? 0 : 1;
}
