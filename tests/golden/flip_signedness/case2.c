int clamp(int v, int lo, int hi)
{
    char sign = v < 0;
    if (v < lo)
        return lo;
    return v > hi ? hi : v + sign;
}
