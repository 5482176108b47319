/* Operands spelled alike (b * b) are not a site: swapping them changes nothing. */
int f(int b) { return (b * b) == (b * b); }
unsigned g(void) { return 0xFFFFFFFFu * 0xFFFFFFFFu; }
