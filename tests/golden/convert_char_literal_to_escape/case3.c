int classify(int c)
{
    switch (c) {
    case 'a':
        return 1;
    case '\n':
        return 2;
    case '\0':
        return 3;
    }
    return c == '\x7f';
}
