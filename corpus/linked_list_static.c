/* Exercises: self-referential struct, singly linked list built from a static
   node pool, insertion in order, reversal, removal with pointer-to-pointer,
   while loops over ->next. */
#include <stdio.h>
#include <stddef.h>

struct node {
    int key;
    struct node *next;
};

static struct node pool[32];
static size_t pool_used;

static struct node *new_node(int key)
{
    if (pool_used >= sizeof pool / sizeof pool[0])
        return NULL;
    struct node *n = &pool[pool_used++];
    n->key = key;
    n->next = NULL;
    return n;
}

static void insert_sorted(struct node **head, struct node *n)
{
    struct node **pp = head;
    while (*pp && (*pp)->key < n->key)
        pp = &(*pp)->next;
    n->next = *pp;
    *pp = n;
}

static int remove_key(struct node **head, int key)
{
    for (struct node **pp = head; *pp; pp = &(*pp)->next)
        if ((*pp)->key == key) {
            *pp = (*pp)->next;
            return 1;
        }
    return 0;
}

static struct node *reverse(struct node *h)
{
    struct node *prev = NULL;
    while (h) {
        struct node *nx = h->next;
        h->next = prev;
        prev = h;
        h = nx;
    }
    return prev;
}

int main(void)
{
    static const int keys[] = { 42, 7, 19, 3, 88, 19, 56, 1 };
    struct node *head = NULL;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        insert_sorted(&head, new_node(keys[i]));
    int removed = remove_key(&head, 19) + remove_key(&head, 100) + remove_key(&head, 1);
    head = reverse(head);
    int len = 0, sig = 0;
    for (const struct node *p = head; p != NULL; p = p->next, len++) {
        sig = sig * 3 + p->key % 10;
        printf("%d ", p->key);
    }
    printf("\nlen=%d removed=%d sig=%d\n", len, removed, sig);
    return (len == 6 && removed == 2 && head->key == 88) ? 0 : 1;
}
