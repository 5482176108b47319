int next_id(void)
{
    static int counter;
    int step = 2;
    counter += step;
    return counter;
}
