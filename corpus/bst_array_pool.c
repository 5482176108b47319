/* Exercises: binary search tree with nodes in a static array and child
   links as pointers, recursive insert/search/height/in-order traversal,
   callback for visiting, struct with self-referential pointers. */
#include <stdio.h>
#include <stddef.h>

typedef struct tnode {
    int key;
    unsigned count;
    struct tnode *left, *right;
} tnode;

static tnode nodes[64];
static int nused;

static tnode *insert(tnode *root, int key)
{
    if (!root) {
        if (nused == 64)
            return NULL;
        tnode *n = &nodes[nused++];
        n->key = key;
        n->count = 1;
        n->left = n->right = NULL;
        return n;
    }
    if (key < root->key)
        root->left = insert(root->left, key);
    else if (key > root->key)
        root->right = insert(root->right, key);
    else
        root->count++;
    return root;
}

static const tnode *search(const tnode *t, int key)
{
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t;
}

static int height(const tnode *t)
{
    if (!t) return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

static void inorder(const tnode *t, void (*visit)(const tnode *, void *), void *ctx)
{
    if (!t) return;
    inorder(t->left, visit, ctx);
    visit(t, ctx);
    inorder(t->right, visit, ctx);
}

struct walk { int last; int sorted; long weighted; };

static void check(const tnode *n, void *ctx)
{
    struct walk *w = ctx;
    if (n->key < w->last)
        w->sorted = 0;
    w->last = n->key;
    w->weighted += (long)n->key * n->count;
}

int main(void)
{
    tnode *root = NULL;
    unsigned x = 17u;
    for (int i = 0; i < 40; i++) {
        x = x * 75u % 65537u;
        root = insert(root, (int)(x % 50u) - 10);
    }
    struct walk w = { -1000, 1, 0 };
    inorder(root, check, &w);
    const tnode *hit = search(root, root->key), *miss = search(root, 1000);
    printf("nodes=%d height=%d sorted=%d weighted=%ld hit=%d miss=%p\n", nused, height(root),
           w.sorted, w.weighted, hit ? hit->key : -1, (void *)miss);
    return (w.sorted && hit == root && miss == NULL) ? 0 : 1;
}
