int count_bits(unsigned v)
{
    int c = 0, guard = 0;
    for (; v; v >>= 1) {
        if (v & 1)
            c++;
    }
    for (;;) {
        if (++guard > 3)
            break;
    }
    return c;
}
