enum { A = 1 };
static int a[4];
static int *p = 0;
_Static_assert(sizeof(int) >= 2, "int is too small");
int f(int x)
{
    switch (x) {
    case 3:
        return a[A];
    }
    return x;
}
