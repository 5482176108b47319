int score(int kind)
{
    int s = 0;
    switch (kind) {
    case 0:
        s = 1;
        break;
    case 1:
        s = 5;
        break;
    }
    return s;
}
