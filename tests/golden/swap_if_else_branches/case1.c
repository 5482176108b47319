int pick(int a, int b, int c)
{
    int r;
    if (a < b)
        r = b;
    else
        r = a;
    if (c) {
        r++;
    } else {
        r--;
    }
    return r;
}
