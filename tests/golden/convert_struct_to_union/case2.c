typedef struct {
    unsigned lo;
    unsigned hi;
} pair;

struct Q {
    int a, b;
} qs[2] = {{1, 2}, {3, 4}};

unsigned sum(pair p)
{
    return p.lo + p.hi;
}
