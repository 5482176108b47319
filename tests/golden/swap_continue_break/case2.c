int scan(const char *p)
{
    int n = 0;
    while (*p) {
        switch (*p) {
        case ' ':
            break;
        default:
            n++;
        }
        if (*p++ == '.')
            break;
    }
    return n;
}
