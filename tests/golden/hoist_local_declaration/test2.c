typedef const int cint_t;

int sum(int n)
{
    int s = 0;
    s += n;
    cint_t k = 3;
    return s + k;
}
