static unsigned count_bits(unsigned long v);

static unsigned count_bits(unsigned long v)
{
    unsigned c = 0;
    for (; v; v >>= 1)
        c += v & 1u;
    return c;
}

int main(void)
{
    return (int)count_bits(255ul);
}
