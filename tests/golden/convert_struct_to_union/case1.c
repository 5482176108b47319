struct P;
struct P {
    int x;
    char *s;
};

static int size(struct P *p)
{
    struct P q = *p;
    return (int)sizeof(struct P) + q.x;
}
