int classify(int x)
{
    int r = 0;
    if (x < 0) {
        r = -1;
    } else if (x > 0) {
        r = 1;
    } else {
        r = 0;
    }
    return r;
}
