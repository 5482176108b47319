struct packet {
    unsigned char kind;
    unsigned flags : 3;          /* bit-field: not a site */
    short len, crc;
    int (*handler)(struct packet *);
    char payload[5];
};

union value { char c; double d; };

int main(void)
{
    struct packet p = { 1, 2, 3, 4, 0, "abcd" };
    union value v = { 'x' };
    return p.kind + p.len + v.c + (int)sizeof p;
}
