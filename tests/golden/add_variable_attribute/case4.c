static int hits = 3;
int a, b;                       /* two declarators: not a site */

static int add(int x, int y)
{
    double acc[4] = { 0 };
    static long calls;
    calls++;
    acc[0] = x;
    return (int)acc[0] + y + hits + a + b;
}

int main(void) { return add(1, 2); }
