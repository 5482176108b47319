struct point { int x, y; };
int dot(struct point a, const struct point *b)
{
    return a.x * b->x + a.y * b->y;
}
