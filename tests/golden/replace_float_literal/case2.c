float lerp(float a, float b, float t)
{
    if (t < 0.0f)
        t = 0.0f;
    return a + (b - a) * t * 1.5f;
}
