/* seed100.c - a 100-line, header-free C program used by the benchmarks as
 * the "typical small seed": structs, loops, switch, pointers, calls. */
typedef unsigned int u32;

struct point {
    int x, y;
};

struct shape {
    struct point origin;
    int kind;
    u32 flags : 4;
    u32 size : 12;
};

enum color { RED, GREEN = 4, BLUE };

static int table[16] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};

static u32 mix(u32 h, u32 v)
{
    h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h;
}

static int area(const struct shape *s)
{
    switch (s->kind) {
    case 0:
        return (int)s->size * (int)s->size;
    case 1:
        return (int)(s->size * s->size / 2u);
    case 2:
    case 3:
        return s->origin.x + s->origin.y;
    default:
        break;
    }
    return -1;
}

static int sum_table(int n)
{
    int total = 0;
    for (int i = 0; i < n && i < 16; i++) {
        if (table[i] % 2 == 0)
            continue;
        total += table[i];
    }
    return total;
}

static void move(struct point *p, int dx, int dy)
{
    p->x += dx;
    p->y -= dy;
}

static int classify(enum color c)
{
    int r = 0;
    if (c == RED)
        r = 1;
    else if (c == GREEN)
        r = 2;
    else
        r = 3;
    return r;
}

static int count_bits(u32 v)
{
    int n = 0;
    while (v) {
        n += (int)(v & 1u);
        v >>= 1;
    }
    return n;
}

int main(void)
{
    struct shape shapes[4];
    u32 h = 17;
    int i = 0;
    do {
        shapes[i].origin.x = i * 3;
        shapes[i].origin.y = 10 - i;
        shapes[i].kind = i;
        shapes[i].flags = (u32)i & 0xfu;
        shapes[i].size = (u32)(i + 2);
        i++;
    } while (i < 4);
    for (i = 0; i < 4; i++) {
        move(&shapes[i].origin, i, 2 * i);
        h = mix(h, (u32)area(&shapes[i]));
    }
    h = mix(h, (u32)sum_table(12));
    h = mix(h, (u32)classify(BLUE) + (u32)count_bits(h));
    return h == 0 ? 1 : 0;
}
