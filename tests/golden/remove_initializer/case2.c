struct point { int x, y; };

int f(int a)
{
    static int calls = 0;
    int arr[2] = {1, 2};
    int lo = a - 1, hi = a + 1;
    struct point p = {lo, hi};
    calls++;
    return p.x + p.y + arr[0] + calls;
}
