double area(double r)
{
    return 3.14159 * r * r;
}
