/* Exercises: switch jumping into the body of a do-while (Duff's device),
   case labels inside a loop, fallthrough, pointer post-increment. */
#include <stdio.h>

static void duff_copy(short *to, const short *from, int count)
{
    if (count <= 0)
        return;
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

int main(void)
{
    short src[29], dst[29];
    int total = 0;
    for (int i = 0; i < 29; i++) {
        src[i] = (short)(i * 3 - 20);
        dst[i] = 0;
    }
    for (int len = 0; len <= 29; len += 5) {
        duff_copy(dst, src, len);
        for (int i = 0; i < len; i++)
            total += dst[i] == src[i];
    }
    printf("matched=%d\n", total);
    return total == 0 + 5 + 10 + 15 + 20 + 25 ? 0 : 1;
}
