/* deliberately crashes clang: a mutator must never produce this */
#pragma clang __debug crash
int pick(int x)
{
    switch (x) {
    case 0:
        goto zero;
    default:
        return x;
    }
zero:
    return 42;
}
