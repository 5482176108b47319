/* once crashed (flaky); now compiles: a switch but no jump */
int classify(int c)
{
    switch (c) {
    case ' ':
    case '\t':
        return 1;
    case '\n':
        return 2;
    default:
        return 0;
    }
}
