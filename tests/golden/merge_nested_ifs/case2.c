int g(int x, int y)
{
    if (x > 0) {
        if (y > 0) { /* both positive */
            x += y;
            y = 0;
        }
    }
    if (x) {
        if (y)
            return 1;
        else
            return 2;
    }
    return x;
}
