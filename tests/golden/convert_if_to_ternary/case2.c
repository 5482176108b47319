struct pt { int x, y; };
static const char *names[2];
long mag(int n)
{
    if (n < 0) {
        return -n;
    } else {
        return n;
    }
}
const char *name(int i, const char *dflt)
{
    const char *r;
    if (i >= 0 && i < 2) r = names[i]; else r = dflt;
    if (i)
        return "x";
    else
        return r;
}
