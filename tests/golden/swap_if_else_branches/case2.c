int grade(int score)
{
    int g;
    if (score >= 90)
        g = 4;
    else if (score >= 75)
        g = 3;
    else
        g = 0;
    return g;
}
