/* Exercises: a table-less lexer state machine over a char array: enum
   states, switch inside a loop, char classes, token counting by kind,
   else-if chains, break/continue. */
#include <stdio.h>

enum state { S_START, S_IDENT, S_NUMBER, S_STRING, S_COMMENT, S_OP };
enum tok { T_IDENT, T_NUMBER, T_STRING, T_OP, T_NTOKS };

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static void lex(const char *src, int counts[T_NTOKS])
{
    enum state st = S_START;
    const char *p = src;
    for (;;) {
        char c = *p;
        switch (st) {
        case S_START:
            if (c == '\0')
                return;
            if (c == ' ' || c == '\n' || c == '\t') {
                p++;
                continue;
            }
            if (is_alpha(c)) st = S_IDENT;
            else if (is_digit(c)) st = S_NUMBER;
            else if (c == '"') { st = S_STRING; p++; }
            else if (c == '/' && p[1] == '/') st = S_COMMENT;
            else st = S_OP;
            break;
        case S_IDENT:
            while (is_alpha(*p) || is_digit(*p)) p++;
            counts[T_IDENT]++;
            st = S_START;
            break;
        case S_NUMBER:
            while (is_digit(*p) || *p == '.') p++;
            counts[T_NUMBER]++;
            st = S_START;
            break;
        case S_STRING:
            while (*p && *p != '"') {
                if (*p == '\\' && p[1]) p++;
                p++;
            }
            if (*p) p++;
            counts[T_STRING]++;
            st = S_START;
            break;
        case S_COMMENT:
            while (*p && *p != '\n') p++;
            st = S_START;
            break;
        case S_OP:
            if ((c == '=' || c == '!' || c == '<' || c == '>') && p[1] == '=')
                p++;
            p++;
            counts[T_OP]++;
            st = S_START;
            break;
        }
    }
}

int main(void)
{
    const char *src =
        "int x1 = 42; // answer\n"
        "if (x1 >= 3.5) { s = \"a \\\"q\\\" b\"; }\n"
        "y_2 = x1 != 7;\n";
    int counts[T_NTOKS] = { 0 };
    lex(src, counts);
    printf("ident=%d number=%d string=%d op=%d\n",
           counts[T_IDENT], counts[T_NUMBER], counts[T_STRING], counts[T_OP]);
    return (counts[T_IDENT] == 7 && counts[T_NUMBER] == 3 && counts[T_STRING] == 1) ? 0 : 1;
}
