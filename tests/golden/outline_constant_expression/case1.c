enum { BIG = 100 };

int area(int w)
{
    return w * (BIG + 2 * (int)sizeof(int));
}
