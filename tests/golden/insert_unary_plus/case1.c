struct S { unsigned bits : 4; };
int f(char c, struct S s)
{
    int r = c+s.bits;
    return r;
}
