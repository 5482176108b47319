/* Exercises: calendar arithmetic: leap-year predicate with nested
   conditions, days-in-month table, day-of-year, day-of-week (Zeller),
   date struct increment with carries across month/year, enum weekdays. */
#include <stdio.h>

typedef enum { SAT, SUN, MON, TUE, WED, THU, FRI } weekday;
struct date { int y; unsigned char m, d; };

static const unsigned char mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const char *const wnames[] = { "Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri" };

static int is_leap(int y)
{
    if (y % 4 != 0)
        return 0;
    else if (y % 100 != 0)
        return 1;
    else if (y % 400 != 0)
        return 0;
    else
        return 1;
}

static int days_in(int y, int m)
{
    return mdays[m - 1] + (m == 2 && is_leap(y));
}

static weekday zeller(struct date dt)
{
    int m = dt.m, y = dt.y;
    if (m < 3) {
        m += 12;
        y--;
    }
    int k = y % 100, j = y / 100;
    int h = (dt.d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
    return (weekday)h;
}

static void next_day(struct date *dt)
{
    if (++dt->d > days_in(dt->y, dt->m)) {
        dt->d = 1;
        if (++dt->m > 12) {
            dt->m = 1;
            dt->y++;
        }
    }
}

static int day_of_year(struct date dt)
{
    int n = dt.d;
    for (int m = 1; m < dt.m; m++)
        n += days_in(dt.y, m);
    return n;
}

int main(void)
{
    struct date dt = { 1999, 12, 25 };
    int fridays_13 = 0, new_years = 0, leap_days = 0;
    for (int i = 0; i < 800; i++) {
        next_day(&dt);
        if (dt.d == 13 && zeller(dt) == FRI)
            fridays_13++;
        if (dt.d == 1)
            if (dt.m == 1)
                new_years++;
        if (dt.m == 2) {
            if (dt.d == 29)
                leap_days++;
        }
    }
    struct date moon = { 1969, 7, 20 };
    printf("now=%d-%02u-%02u doy=%d moon=%s f13=%d ny=%d feb29=%d leaps=%d%d%d%d\n", dt.y,
           dt.m, dt.d, day_of_year(dt), wnames[zeller(moon)], fridays_13, new_years, leap_days,
           is_leap(1900), is_leap(2000), is_leap(2024), is_leap(2023));
    return (zeller(moon) == SUN && dt.y == 2002 && day_of_year((struct date){ 2000, 12, 31 }) == 366) ? 0 : 1;
}
