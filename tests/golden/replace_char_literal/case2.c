int kind(char c)
{
    switch (c) {
    case 'a':
        return 1;
    case '\n':
        return 2;
    }
    return c == L'x' ? 3 : c == '0';
}
