struct S { int a; char name[8]; double d; };

int main(void)
{
    struct S s = {0};
    int hist[16] = { };
    int auto_sized[] = {0};      /* size from the initialiser */
    static struct S keep = {0};  /* static storage */
    for (int i = 0; i < 16; i++)
        hist[i] += i;
    return s.a + hist[3] + auto_sized[0] + keep.a;
}
