void fill(int *out, int n);

int work(int k)
{
    int buf[4], i, *p = buf;
    long acc = 0;
    fill(&k, 1);
    for (i = 0; i < 4; i++)
        acc += p[i] = i * k;
    return (int)acc;
}
