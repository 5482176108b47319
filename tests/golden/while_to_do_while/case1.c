int digits(unsigned n)
{
    int d = 0;
    while (n > 9) {
        n /= 10;
        d++;
    }
    return d + 1;
}
