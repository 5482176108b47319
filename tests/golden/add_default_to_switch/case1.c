int f(int op, int a, int b)
{
    int r = 0;
    switch (op) {
    case 0:
        r = a + b;
        break;
    case 1:
        r = a - b;
    }
    return r;
}
