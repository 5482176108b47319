int is_space(int c)
{
    return c == ' ' || c == '\t';
}
