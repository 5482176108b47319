typedef struct { int x, y; } point;
unsigned long g(point *p, double d)
{
    return sizeof(p->x) + sizeof(point *) + sizeof d;
}
