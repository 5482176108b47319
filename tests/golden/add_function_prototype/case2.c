typedef unsigned long word;

struct pair {
    word a, b;
};

word sum(const struct pair *p)
{
    return p->a + p->b;
}
