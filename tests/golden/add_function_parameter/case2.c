int tick(void);

int twice(void)
{
    return tick() + tick();
}

int tick(void)
{
    return 1;
}
