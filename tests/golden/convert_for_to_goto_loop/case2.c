int scan(const char *p)
{
    int k = 0;
    for (;;)
        switch (*p++) {
        case 0:
            return k;
        case ' ':
            continue;
        default:
            k++;
        }
}
