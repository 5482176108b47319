static const char *const names[] = {"a", "b"};

int pick(int i)
{
    return names[i][0];
}
