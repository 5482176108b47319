enum { K = 3 };
int h(int x, double d)
{
    switch (x) {
    case (K > 1 || K < 0):
        return 2;
    }
    return x > 0 && d < 1.5;
}
