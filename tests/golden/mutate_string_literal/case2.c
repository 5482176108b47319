_Static_assert(sizeof(char) == 1, "char");
static const char *msgs[] = {"ok", "fail\x41", L"wide" ? "x" : "y"};
const char *msg(int i)
{
    return i ? msgs[i & 1] : "none";
}
