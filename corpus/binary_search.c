/* Exercises: binary search variants (exact, lower bound, upper bound) on int
   and string arrays, integer square root by bisection, overflow-safe
   midpoint, size_t loop bounds. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>

static long find_exact(const int *v, size_t n, int key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] == key)
            return (long)mid;
        else if (v[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static size_t lower_bound(const int *v, size_t n, int key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static size_t upper_bound(const int *v, size_t n, int key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] <= key) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static int find_word(const char *const *words, int n, const char *w)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(words[mid], w);
        if (c == 0) return mid;
        if (c < 0) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

static unsigned isqrt(unsigned long n)
{
    unsigned long lo = 0, hi = n < 2 ? n : n / 2 + 1;
    while (lo < hi) {
        unsigned long mid = lo + (hi - lo + 1) / 2;
        if (mid <= n / mid) lo = mid; else hi = mid - 1;
    }
    return (unsigned)lo;
}

int main(void)
{
    static const int v[] = { 1, 3, 3, 3, 7, 9, 12, 12, 20, 41 };
    size_t n = sizeof v / sizeof v[0];
    static const char *const words[] = { "ant", "bee", "cat", "dog", "eel", "fox" };
    long e = find_exact(v, n, 9), m = find_exact(v, n, 10);
    size_t lb = lower_bound(v, n, 3), ub = upper_bound(v, n, 3), cnt12 = upper_bound(v, n, 12) - lower_bound(v, n, 12);
    int w = find_word(words, 6, "dog") * 10 + (find_word(words, 6, "cow") < 0);
    unsigned r = isqrt(1000000UL) + isqrt(99UL) + isqrt(0UL);
    printf("e=%ld m=%ld lb=%zu ub=%zu cnt12=%zu w=%d r=%u\n", e, m, lb, ub, cnt12, w, r);
    return (e == 5 && m == -1 && lb == 1 && ub == 4 && cnt12 == 2 && w == 31 && r == 1009) ? 0 : 1;
}
