enum color { RED = -3, GREEN = 4, BLUE = GREEN + 1 };

int classify(enum color c)
{
    switch (c) {
    case RED:
        return 1;
    case GREEN:
        return 2;
    default:
        return 0;
    }
}
