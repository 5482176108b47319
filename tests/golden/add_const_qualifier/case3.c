struct P { int x, y; };

int g(struct P *q, char *s)
{
    char *p = s;
    struct P v = *q;
    struct P w = *q;
    w.x = 3;
    *p = 'a';
    return v.x + w.y;
}
