typedef struct node {
    int val;
    struct node *next;
} node;

int sum(node *n)
{
    int s = 0;
    for (; n; n = n->next)
        s += n->val;
    return s;
}
