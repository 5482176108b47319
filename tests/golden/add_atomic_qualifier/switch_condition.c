int f(int x)
{
    int k = x & 3;
    switch (k) {
    case 1:
        return 2;
    default:
        return k;
    }
}
