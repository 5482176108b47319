#define POSITIVE(v) ((v) > 0)

int sign(int v)
{
    if (POSITIVE(v))
        return 1;
    else if (v == 0)
        return 0;
    return -1;
}
