int counter;

void tick(int n)
{
    int step = n * 2;
    counter += step;
    if (counter > 100)
        counter = 0;
}
