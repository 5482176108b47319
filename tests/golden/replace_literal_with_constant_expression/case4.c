struct flags { unsigned ready : 3; };
static int table[16];
int pick(int c, int *p)
{
    switch (c) {
    case 10:
        return table[2];
    }
    if (p == 0)
        return 0;
    return (int)(*p & 255UL);
}
