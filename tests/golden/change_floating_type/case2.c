struct pt {
    double x;
    float y;
};

static long double scale(float f)
{
    double r = f * 2;
    return r;
}

double norm(struct pt *p)
{
    return p->x + p->y + scale(0.5f);
}
