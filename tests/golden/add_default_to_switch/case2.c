int g(int x, int y)
{
    switch (x) {
    default:
        switch (y) {
        case 1:
            return 1;
        }
        break;
    case 2:
        return 3;
    }
    return 0;
}
