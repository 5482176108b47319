enum op { ADD, SUB, MUL };

long apply(enum op o, long a, long b, unsigned char k)
{
    switch (k) {
    case 'x':
        a = -a;
        break;
    }
    switch (o) {
    case ADD: return a + b;
    case SUB: return a - b;
    default: break;
    }
    return a * b;
}
