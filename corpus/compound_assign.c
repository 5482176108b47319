/* Exercises: every compound assignment operator (+= -= *= /= %= <<= >>= &=
   ^= |=) on signed, unsigned, char, and floating operands, applied through
   array elements and struct members. */
#include <stdio.h>

struct acc { unsigned bits; long total; double avg; unsigned char small; };

static void feed(struct acc *a, int v, int n)
{
    a->total += v;
    a->bits |= 1u << (v & 15);
    a->bits ^= 0x5u;
    a->avg = (double)a->total;
    a->avg /= n;
    a->small += (unsigned char)v;
}

int main(void)
{
    int x = 100;
    x += 7;  x -= 3;  x *= 2;  x /= 3;  x %= 50;
    unsigned u = 0xF0u;
    u <<= 4; u >>= 2; u &= 0x3FCu; u ^= 0x111u; u |= 0x8000u;
    long arr[4] = { 1, 2, 3, 4 };
    for (int i = 0; i < 4; i++) {
        arr[i] *= arr[i];
        arr[(i + 1) % 4] += arr[i];
    }
    struct acc a = { 0, 0, 0.0, 250 };
    int vals[] = { 3, 9, 12, 5 };
    for (int i = 0; i < 4; i++)
        feed(&a, vals[i], i + 1);
    double f = 10.0;
    f *= 1.5; f -= 0.25; f /= 2;
    char c = 'a';
    c += 2;
    c -= 1;
    printf("x=%d u=%#x arr=%ld,%ld,%ld,%ld bits=%#x total=%ld avg=%.2f small=%u f=%.3f c=%c\n",
           x, u, arr[0], arr[1], arr[2], arr[3], a.bits, a.total, a.avg,
           (unsigned)a.small, f, c);
    return (x == 19 && a.total == 29 && c == 'b' && a.small == 23) ? 0 : 1;
}
