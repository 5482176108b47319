struct pair { int a, b; };

static struct pair make(int a) { struct pair p = {a, a}; return p; }
static const char *label(int k) { return k ? "on" : "off"; }
static void nothing(void) { return; }

int main(void)
{
    nothing();
    return make(1).a + (label(0) != 0);
}
