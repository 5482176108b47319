unsigned char mix(unsigned char a, unsigned char mask)
{
    return a ^ mask;
}
