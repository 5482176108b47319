struct rec {
    char tag;
    double v;
};

double scale(int k)
{
    int bound[4 + 4];
    static int seen = 1 << 3;
    double f = 1.0 / 3;
    char *p = 1 - 1;
    switch (k) {
    case 2 * 3:
        return f;
    }
    bound[0] = seen;
    return f * (sizeof(struct rec) > 8 ? 2.5 : -1.0) + bound[0] + (p != 0);
}
