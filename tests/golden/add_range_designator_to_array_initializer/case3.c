struct pt { int x, y; };

static const int primes[8] = { 2, 3, 5 };
static struct pt path[4] = { { 0, 0 }, { 1, 2 } };
static const char *names[] = { "a", "b" };   /* size from the list: no room */

int main(void)
{
    char words[3][6] = { "one" };
    double w[5] = { 0.5, 1.5, };
    return primes[1] + path[1].y + names[0][0] + words[0][0] + (int)w[1];
}
