struct pair { int a, b; };

static struct pair swap(struct pair p)
{
    struct pair q = {p.b, p.a};
    return q;
}
