struct point { int x, y; };
struct point make(int x);
int use(int v)
{
    register struct point r = {1, 2};
    struct point q[2] = {{0}};
    q[1].y = v;
    return make(v).x + r.y + q[1].y;
}
