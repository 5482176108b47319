/*
 * toy_target.c - a tiny AFL-instrumented "compiler" for plugin tests: it
 * reads a C file and walks its bytes through a small tokenizer with a few
 * branches per token kind, so coverage changes when the program changes.
 * Built with afl-clang-fast by `make plugin-test`.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 2)
        return 1;
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    int c, depth = 0, idents = 0, numbers = 0, ops = 0, prev = 0;
    while ((c = fgetc(f)) != EOF) {
        if (c == '{' || c == '(')
            depth++;
        else if (c == '}' || c == ')')
            depth--;
        else if ((c >= 'a' && c <= 'z') || c == '_')
            idents += prev != c;
        else if (c >= '0' && c <= '9')
            numbers++;
        else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '%')
            ops += (prev == c) ? 2 : 1;
        else if (c == '<' || c == '>')
            ops += prev == '=' ? 3 : 1;
        prev = c;
    }
    fclose(f);
    if (depth < 0)
        return 2;
    return (idents + numbers + ops) % 2 ? 0 : 0;
}
