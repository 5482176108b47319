struct point { char tag; long x, y; };
typedef union {
    int i;
    double d;
} num_t; /* a union */
static struct { short a; int b; } pair = {1, 2};
long norm(const struct point *p) { return p->x + p->y + pair.b; }
