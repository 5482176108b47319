struct node { int v; struct node *next; };
unsigned long f(void)
{
    char buf[16];
    return sizeof buf / sizeof(struct node);
}
