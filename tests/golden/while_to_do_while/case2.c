int walk(const char *s, int limit)
{
    int i = 0;
    if (limit > 0)
        while (s[i] != '\0' && i < limit)
            i++;
    else
        i = -1;
    while (i > 100)
        i -= 100;
    return i;
}
