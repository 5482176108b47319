int f(int *p, int i) { return *(p + i) == i; }
