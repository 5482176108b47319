int puts(const char *s);

int main(void)
{
    puts("hello, world");
    return 0;
}
