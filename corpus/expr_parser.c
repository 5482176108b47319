/* Exercises: recursive-descent parser and evaluator for integer expressions
   with precedence, parentheses, unary minus, error propagation through a
   struct, mutually recursive static functions, const char ** cursors. */
#include <stdio.h>

struct parser { const char *p; int error; };

static long parse_expr(struct parser *ps);

static void skip_ws(struct parser *ps)
{
    while (*ps->p == ' ')
        ps->p++;
}

static long parse_primary(struct parser *ps)
{
    skip_ws(ps);
    if (*ps->p == '(') {
        ps->p++;
        long v = parse_expr(ps);
        skip_ws(ps);
        if (*ps->p != ')') {
            ps->error = 1;
            return 0;
        }
        ps->p++;
        return v;
    }
    if (*ps->p == '-') {
        ps->p++;
        return -parse_primary(ps);
    }
    if (*ps->p < '0' || *ps->p > '9') {
        ps->error = 2;
        return 0;
    }
    long v = 0;
    while (*ps->p >= '0' && *ps->p <= '9' && v < 100000000L)
        v = v * 10 + (*ps->p++ - '0');
    return v;
}

static long parse_term(struct parser *ps)
{
    long v = parse_primary(ps);
    for (;;) {
        skip_ws(ps);
        char op = *ps->p;
        if (op != '*' && op != '/' && op != '%')
            return v;
        ps->p++;
        long r = parse_primary(ps);
        if (ps->error)
            return 0;
        if (op != '*' && r == 0) {
            ps->error = 3;
            return 0;
        }
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
    }
}

static long parse_expr(struct parser *ps)
{
    long v = parse_term(ps);
    for (;;) {
        skip_ws(ps);
        if (*ps->p == '+') { ps->p++; v += parse_term(ps); }
        else if (*ps->p == '-') { ps->p++; v -= parse_term(ps); }
        else return v;
    }
}

static long eval(const char *s, int *err)
{
    struct parser ps = { s, 0 };
    long v = parse_expr(&ps);
    skip_ws(&ps);
    if (!ps.error && *ps.p != '\0')
        ps.error = 4;
    *err = ps.error;
    return v;
}

int main(void)
{
    static const char *const cases[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 5", "-(4 - 10) * -2", "2 * (3 + (4 - 1)) / 3",
        "5 / (2 - 2)", "3 +", "(8", "12 34",
    };
    long sum = 0;
    int errs = 0;
    for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
        int e;
        long v = eval(cases[i], &e);
        printf("%-24s = %ld (err %d)\n", cases[i], v, e);
        if (e) errs++; else sum += v;
    }
    printf("sum=%ld errs=%d\n", sum, errs);
    return (sum == 7 + 9 + 4 - 12 + 4 && errs == 4) ? 0 : 1;
}
