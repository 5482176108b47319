char *g(char *p, int i)
{
    char c = 'a';
    c += 1;
    p -= i + c;
    return p;
}
