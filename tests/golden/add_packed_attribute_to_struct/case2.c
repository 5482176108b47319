struct hdr {
    char tag;
    int len;
};

typedef union {
    short s;
    double d;
} num;

int total(struct hdr *h, num n)
{
    return h->len + h->tag + (int)n.d;
}
