int mix(int a, int b, int c);
int use(int x, int y, int z)
{
    return mix(x, y, z);
}
