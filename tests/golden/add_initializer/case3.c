int h(int n)
{
    int vla[n];
    extern int ext;
    vla[0] = ext;
    return vla[0];
}
