static unsigned short hash(const char *s)
{
    unsigned short h = 5381;
    while (*s)
        h = (unsigned short)(h * 33 + (unsigned char)*s++);
    return h;
}
