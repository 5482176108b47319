struct pt {
    int x, y;
};

static double dot(struct pt a, register double w, int (*f)(int), char *names[]);

static int narrow(char c, float f)
{
    return c + (int)f;
}

static double dot(struct pt a, register double w, int (*f)(int), char *names[])
{
    return (a.x * a.y + f(1)) * w + (names != 0);
}
