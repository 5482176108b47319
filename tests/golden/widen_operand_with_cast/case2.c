enum { SHIFT = 3 };
static int table[1 << SHIFT];
unsigned mix(unsigned u, int s)
{
    return (u >> s) ^ (unsigned)table[0];
}
