struct pair { int a; char *s; };

int g(int n)
{
    struct pair p;
    char *q;
    int vla[n];
    p.a = n;
    q = 0;
    vla[0] = p.a;
    return vla[0] + (q != 0);
}
