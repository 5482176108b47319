long scale(long v, const int *k)
{
    return v * *k;
}

int main(void)
{
    int k = 3;
    return (int)scale(2, &k);
}
