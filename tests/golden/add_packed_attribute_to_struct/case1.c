struct hdr {
    char tag;
    int len;
};

typedef union {
    short s;
    double d;
} num;

struct chk {
    char c;
    long l;
};
_Static_assert(sizeof(struct chk) == 2 * sizeof(long), "layout");

int total(struct hdr *h, num n)
{
    int *p = &h->len;
    return *p + h->tag + (int)n.d;
}
