int find(const char *p, char c)
{
    int k = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        if (*p++ == c)
            break;
        k++;
    }
    return k;
}
