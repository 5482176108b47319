struct buf {
    volatile int ready;
    char data[8];
};

int copy(char *restrict dst, const char *restrict src, int n)
{
    for (int i = 0; i < n; i++)
        dst[i] = src[i];
    return n;
}

int use(struct buf *b)
{
    return copy(b->data, "abc", 3) + b->ready;
}
