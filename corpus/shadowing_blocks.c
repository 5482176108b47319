/* Exercises: variable shadowing in nested blocks, for-loop scoped variables
   shadowing outer ones, a parameter shadowed inside a block, same name for
   a global and a local, struct tag vs variable name. */
#include <stdio.h>

static int value = 1000;
struct value { int value; };

static int global_value(void)
{
    return value;                      /* the file-scope one */
}

static int shadowed(int x)
{
    int result = x;
    {
        int x = 2;
        result += x;
        {
            int x = 3;
            result *= x;
        }
        result += x;
    }
    return result + x;
}

int main(void)
{
    int value = 5;                     /* shadows file-scope value */
    int sum = value;
    for (int value = 0; value < 3; value++) {
        sum += value;
        for (int value = 10; value < 12; value++)
            sum += value;
    }
    struct value value2 = { value };   /* tag namespace is separate */
    {
        int i = 7;
        {
            int i = 1;                 /* hides the i of the enclosing block */
            sum -= i;
        }
        sum += 1;
        sum += i;
    }
    int r = shadowed(4) + global_value();
    printf("sum=%d r=%d v2=%d\n", sum, r, value2.value);
    return (sum == 5 + 3 + 63 + 7 && r == 1024) ? 0 : 1;
}
