struct S {
    int a;
    char *b;
    long c;
    int n;
    unsigned char data[];
};

static struct S s0 = {1, "x", 2L, 0};

long get(struct S *p)
{
    return p->a + p->c + s0.b[0] + p->n;
}
