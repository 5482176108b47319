static int table[4];
int area(int w, int h)
{
    if (w < 0)
        return-1;
    return w * h + (int)sizeof(table);
}
