struct P { unsigned long h; int k; };
unsigned long hash(struct P *p, const char *str)
{
    while (*str)
        p->h = p->h * 31u + (unsigned char)*str++;
    p->k = p->k - 1 + 2;
    return p->h;
}
