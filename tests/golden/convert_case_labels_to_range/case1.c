int kind(int c)
{
    switch (c) {
    case 3:
    case 4:
    case 5:
        return 1;
    case 7:
    case 9:
        return 2;
    default:
        return 0;
    }
}
