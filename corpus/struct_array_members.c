/* Exercises: structs with array members, struct copy copying arrays, arrays
   of structs indexed by loop variables, pointer to struct member array,
   simple inventory aggregation. */
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 5

struct item { char name[12]; unsigned qty; unsigned price_cents; };

struct inventory {
    struct item items[MAX_ITEMS];
    int count;
    unsigned history[8];
};

static int add_item(struct inventory *inv, const char *name, unsigned qty, unsigned price)
{
    if (inv->count >= MAX_ITEMS)
        return -1;
    struct item *it = &inv->items[inv->count];
    size_t n = strlen(name);
    if (n >= sizeof it->name)
        n = sizeof it->name - 1;
    memcpy(it->name, name, n);
    it->name[n] = '\0';
    it->qty = qty;
    it->price_cents = price;
    inv->history[inv->count % 8] = qty * price;
    return inv->count++;
}

static unsigned value(const struct inventory *inv)
{
    unsigned v = 0;
    for (int i = 0; i < inv->count; i++)
        v += inv->items[i].qty * inv->items[i].price_cents;
    return v;
}

int main(void)
{
    struct inventory a = { .count = 0 };
    add_item(&a, "bolt", 100, 5);
    add_item(&a, "nut", 250, 2);
    add_item(&a, "washer-very-long-name", 75, 1);
    struct inventory b = a;           /* copies arrays too */
    b.items[0].qty = 0;
    add_item(&b, "gear", 3, 999);
    unsigned *h = b.history;
    unsigned hs = 0;
    for (int i = 0; i < 8; i++)
        hs += h[i];
    printf("a=%u b=%u last=%s hs=%u\n", value(&a), value(&b), b.items[2].name, hs);
    return (value(&a) == 1075 && a.items[0].qty == 100 && b.count == 4) ? 0 : 1;
}
