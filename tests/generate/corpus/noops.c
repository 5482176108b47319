/* no relational operator anywhere */
int scale(int x)
{
    return x * 3 + 1;
}

int main(void)
{
    return scale(2) - 7;
}
