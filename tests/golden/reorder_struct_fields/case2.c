struct mix {
    char *name;
    int count;
    long total;
};

static struct mix m = {"x", 1, 2L};

long get(void)
{
    return m.count + m.total;
}
