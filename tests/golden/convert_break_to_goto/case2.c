int g(int op, int a)
{
    for (int i = 0; i < a; i++)
        switch (op) {
        case 0:
            a += i;
            break;
        default:
            a--;
        }
    switch (op) {
    case 1:
        do
            a *= 2;
        while (a < 100);
        break;
    }
    return a;
}
