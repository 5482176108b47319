enum color { RED, GREEN };
void f(void);
int g(enum color k, int v)
{
    while (v > 0) {
        if (RED == k) {
            f();
            continue;
        }
        if (v == -1)
            break;
        v--;
    }
    return v;
}
