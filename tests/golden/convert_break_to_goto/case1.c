int f(int x)
{
    int y;
    while (x) {
        if (x % 7 == 3)
            break;
        x--;
    }
    y = x;
    return y;
}
