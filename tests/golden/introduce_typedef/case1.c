static unsigned long *slots[4];

unsigned long first(void)
{
    return slots[0] ? *slots[0] : 0;
}
