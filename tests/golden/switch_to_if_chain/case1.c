int weight(int c)
{
    int w;
    switch (c) {
    case 0:
        return 10;
    case 1:
    case 2:
        w = c + 3;
        break;
    case 7: {
        int t = c * 2;
        w = t;
        break;
    }
    default:
        w = -1;
        break;
    }
    return w;
}
