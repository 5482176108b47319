static int table[8] = {1, 2, 3, 4};

int lookup(int i)
{
    char buf[16];
    buf[0] = (char)table[i & 7];
    return buf[0];
}
