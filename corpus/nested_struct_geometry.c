/* Exercises: nested structs three levels deep, struct assignment and return
   by value, arrays of nested structs, '.' and '->' chains, double math. */
#include <stdio.h>

struct vec2 { double x, y; };
struct segment { struct vec2 a, b; };
struct polygon {
    const char *name;
    int n;
    struct vec2 v[6];
    struct { struct vec2 min, max; } bbox;
};

static struct vec2 sub(struct vec2 p, struct vec2 q)
{
    struct vec2 r = { p.x - q.x, p.y - q.y };
    return r;
}

static double cross(struct vec2 p, struct vec2 q)
{
    return p.x * q.y - p.y * q.x;
}

static double area2(const struct polygon *pg)
{
    double s = 0;
    for (int i = 0; i < pg->n; i++) {
        const struct vec2 *p = &pg->v[i], *q = &pg->v[(i + 1) % pg->n];
        s += cross(*p, *q);
    }
    return s < 0 ? -s : s;
}

static void update_bbox(struct polygon *pg)
{
    pg->bbox.min = pg->bbox.max = pg->v[0];
    for (int i = 1; i < pg->n; i++) {
        struct vec2 p = pg->v[i];
        if (p.x < pg->bbox.min.x) pg->bbox.min.x = p.x;
        if (p.y < pg->bbox.min.y) pg->bbox.min.y = p.y;
        if (p.x > pg->bbox.max.x) pg->bbox.max.x = p.x;
        if (p.y > pg->bbox.max.y) pg->bbox.max.y = p.y;
    }
}

static int segments_cross(struct segment s, struct segment t)
{
    double d1 = cross(sub(s.b, s.a), sub(t.a, s.a));
    double d2 = cross(sub(s.b, s.a), sub(t.b, s.a));
    double d3 = cross(sub(t.b, t.a), sub(s.a, t.a));
    double d4 = cross(sub(t.b, t.a), sub(s.b, t.a));
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

int main(void)
{
    struct polygon shapes[2] = {
        { "square", 4, { {0, 0}, {2, 0}, {2, 2}, {0, 2} }, { {0, 0}, {0, 0} } },
        { "house", 5, { {0, 0}, {4, 0}, {4, 3}, {2, 5}, {0, 3} }, { {0, 0}, {0, 0} } },
    };
    double total = 0;
    for (int i = 0; i < 2; i++) {
        struct polygon *pg = shapes + i;
        update_bbox(pg);
        total += area2(pg) / 2;
        printf("%s bbox=(%.0f,%.0f)-(%.0f,%.0f)\n", pg->name, pg->bbox.min.x,
               pg->bbox.min.y, pg->bbox.max.x, pg->bbox.max.y);
    }
    struct segment s = { {0, 0}, {4, 4} }, t = { {0, 4}, {4, 0} };
    int x = segments_cross(s, t);
    printf("area=%.1f cross=%d\n", total, x);
    return (total == 20.0 && x == 1) ? 0 : 1;
}
