/* Exercises: switch statements with deliberate fallthrough, grouped case
   labels, default in the middle, nested switch, break vs continue inside a
   switch in a loop. */
#include <stdio.h>

static int days_before_month(int month, int leap)
{
    int d = 0;
    switch (month) {
    case 12: d += 30; /* fallthrough */
    case 11: d += 31; /* fallthrough */
    case 10: d += 30; /* fallthrough */
    case 9:  d += 31; /* fallthrough */
    case 8:  d += 31; /* fallthrough */
    case 7:  d += 30; /* fallthrough */
    case 6:  d += 31; /* fallthrough */
    case 5:  d += 30; /* fallthrough */
    case 4:  d += 31; /* fallthrough */
    case 3:  d += 28 + leap; /* fallthrough */
    case 2:  d += 31; /* fallthrough */
    case 1:  break;
    default: d = -1;
    }
    return d;
}

static int classify(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return 1;
    default:
        if (c >= 'a' && c <= 'z')
            return 2;
        break;
    case ' ':
        return 0;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return 3;
    }
    return 4;
}

int main(void)
{
    const char *text = "switch 42 cases, fall thru!";
    int counts[5] = { 0 };
    for (const char *p = text; *p; p++) {
        int k = classify(*p);
        switch (k) {
        case 0:
            continue;
        case 3:
            counts[3] += 2;
            /* fallthrough */
        default:
            counts[k]++;
        }
    }
    int doy = days_before_month(3, 1) + days_before_month(12, 0) + days_before_month(13, 0);
    printf("v=%d c=%d d=%d o=%d doy=%d\n", counts[1], counts[2], counts[3], counts[4], doy);
    return doy == 60 + 334 - 1 ? 0 : 1;
}
