struct P { int x, y; };

struct P make(int x) { struct P p = { x, x + 1 }; return p; }

int main(void)
{
    struct P a = { 1, 2 }, b, arr[2];
    struct P *q = &a;
    b = a;
    if (a.x)
        arr[1] = *q;
    b = make(3);          /* call result: not addressable */
    register struct P r = a;
    b = r;                /* register: no address */
    return b.x + arr[1].y;
}
