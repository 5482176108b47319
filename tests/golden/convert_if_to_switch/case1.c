int count(const char *p)
{
    int n = 0;
    for (; *p; p++) {
        if (*p == 'x')
            n++;
        else
            n--;
    }
    return n;
}
