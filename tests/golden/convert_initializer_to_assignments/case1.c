struct P { int x; double y; const char *name; long z; };
struct Q { int a[2]; int b; };

static int f(void) { return 7; }

int main(void)
{
    struct P p = { 1, .name = "p", f() };
    struct P q = { .y = 2.5, "q" };
    struct Q r = { { 1, 2 }, 3 };     /* array field: not a site */
    return p.x + (int)q.y + r.b + (int)p.z;
}
