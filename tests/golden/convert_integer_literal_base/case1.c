unsigned mask(unsigned x)
{
    return x & 255u;
}
