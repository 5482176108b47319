unsigned hash(unsigned u)
{
    return u * 31u;
}
