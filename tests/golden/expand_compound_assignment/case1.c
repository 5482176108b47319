struct S { int n[4]; unsigned b : 3; };
void f(struct S *s, int i, int k)
{
    s->n[i] += k * 2;
    s->b <<= 1;
}
