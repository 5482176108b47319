int classify(int c)
{
    int r = 0;
    switch (c) {
    case 0:
    case 1:
        r = 10;
        break;
    case 2:
        r = 20;
        break;
    default:
        r = -1;
        break;
    }
    return r;
}
