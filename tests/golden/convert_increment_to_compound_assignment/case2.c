double walk(double *p, double d)
{
    --d;
    p--;
    return ({ d++; }) + *p;
}
