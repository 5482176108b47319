int accumulate(int n)
{
    int acc = 0;
    acc += n;
    acc *= 3;
    return acc;
}
