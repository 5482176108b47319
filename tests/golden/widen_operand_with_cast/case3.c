enum { SHIFT = 3 };
int pick(int x)
{
    switch (x) {
    case 1 << SHIFT:
        return 1;
    }
    return 0;
}
