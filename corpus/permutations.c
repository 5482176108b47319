/* Exercises: generating permutations by recursion with swaps and by the
   iterative next-permutation algorithm, counting inversions, factorial
   check, char and int arrays, early exit via return from nested loops. */
#include <stdio.h>
#include <string.h>

static int count;
static unsigned long signature;

static void swap_c(char *a, char *b) { char t = *a; *a = *b; *b = t; }

static void permute(char *s, int k, int n)
{
    if (k == n) {
        count++;
        signature = signature * 31u + (unsigned long)(s[0] - 'a') * 7u + (unsigned long)(s[n - 1] - 'a');
        return;
    }
    for (int i = k; i < n; i++) {
        swap_c(&s[k], &s[i]);
        permute(s, k + 1, n);
        swap_c(&s[k], &s[i]);
    }
}

static int next_perm(int *v, int n)
{
    int i = n - 2;
    while (i >= 0 && v[i] >= v[i + 1])
        i--;
    if (i < 0)
        return 0;
    int j = n - 1;
    while (v[j] <= v[i])
        j--;
    int t = v[i]; v[i] = v[j]; v[j] = t;
    for (int l = i + 1, r = n - 1; l < r; l++, r--) {
        t = v[l]; v[l] = v[r]; v[r] = t;
    }
    return 1;
}

static int inversions(const int *v, int n)
{
    int inv = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            inv += v[i] > v[j];
    return inv;
}

int main(void)
{
    char s[] = "abcde";
    permute(s, 0, (int)strlen(s));
    int v[5] = { 1, 2, 2, 3, 4 };
    int distinct = 1, inv_total = 0;
    do {
        inv_total += inversions(v, 5);
    } while (next_perm(v, 5) && ++distinct);
    printf("count=%d sig=%lu distinct=%d inv=%d s=%s\n", count, signature, distinct, inv_total, s);
    return (count == 120 && distinct == 60 && strcmp(s, "abcde") == 0) ? 0 : 1;
}
