unsigned hash(const unsigned char *s, int n)
{
    unsigned h = 5381;
    for (int i = 0; i < n; i++) {
        h *= 33;
        h ^= s[i];
    }
    return h;
}
