int state(int x)
{
    int r = 0;
    switch (x) {
    case 1:
        r += 3;
        break;
    default:
        r = sizeof(struct tag { int a; });
    }
    { r++; } r--;
    return r;
}
