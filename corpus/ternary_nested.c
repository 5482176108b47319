/* Exercises: nested conditional expressions, ternaries as lvalue selectors
   via pointers, ternary with mixed arithmetic types, ternary in array index
   and function argument positions. */
#include <stdio.h>

static const char *grade(int score)
{
    return score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C"
         : score >= 60 ? "D" : "F";
}

static int sign3(long v)
{
    return v > 0 ? 1 : v < 0 ? -1 : 0;
}

static int median3(int a, int b, int c)
{
    return a > b ? (b > c ? b : a > c ? c : a) : (a > c ? a : b > c ? c : b);
}

int main(void)
{
    int scores[] = { 95, 83, 71, 64, 12, 80, 90 };
    int hist[5] = { 0 };
    for (int i = 0; i < 7; i++) {
        const char *g = grade(scores[i]);
        hist[*g == 'F' ? 4 : *g - 'A']++;
    }
    int lo = 0, hi = 0;
    for (int i = 0; i < 7; i++)
        ++*(scores[i] < 75 ? &lo : &hi);
    double mixed = hi > lo ? 1 : 2.5;          /* int and double -> double */
    int m = median3(3, 9, 5) + median3(9, 3, 5) + median3(5, 5, 1) + median3(1, 2, 3);
    int s = sign3(-40L) + sign3(0L) * 10 + sign3(7L) * 100;
    printf("A=%d B=%d C=%d D=%d F=%d lo=%d hi=%d mixed=%.1f m=%d s=%d\n",
           hist[0], hist[1], hist[2], hist[3], hist[4], lo, hi, mixed, m, s);
    return (hist[0] == 2 && lo == 3 && m == 17 && s == 99) ? 0 : 1;
}
