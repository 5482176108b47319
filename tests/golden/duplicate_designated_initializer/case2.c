struct P { int x; const char *name; double w[2]; };

static int table[6] = { [1] = 10, [4] = 40 };
static struct P origin = { .name = "origin", .w = { 1.0, 2.0 } };

int main(void)
{
    struct P p = { .x = table[1], "p" };   /* "p" is positional: not copied */
    return p.x + table[4] + (int)origin.w[1];
}
