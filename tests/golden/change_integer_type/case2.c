void read_int(int *p);

int total(int n)
{
    int got;
    long acc = 0;
    read_int(&got);
    acc += got + n;
    return (int)acc;
}
