int area(int w, int h)
{
    static int calls;
    int a = w * h;
    calls++;
    return a;
}
