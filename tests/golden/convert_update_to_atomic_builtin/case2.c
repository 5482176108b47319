struct C { unsigned hits; int bits : 4; };

int main(void)
{
    int n = 0, sum = 0;
    struct C c = { 0, 0 };
    unsigned char buf[4] = { 0 };
    for (int i = 0; i < 4; i++) {
        n++;
        buf[i] ^= (unsigned char)i;
    }
    c.hits += 2;
    c.bits++;            /* bit-field: no address */
    sum = n++;           /* value used */
    return sum + (int)c.hits + buf[1];
}
